package jp.kennin.review.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.review.BlindIncomes;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyBulkReview;

import org.springframework.stereotype.Component;

/**
 * What bulk approval asks of a form beyond what the form itself tells
 * ({@link SurveyBulkReview.Candidate#clean()}): every document of the household about the
 * form's dependents 確認済 (or none at all), none 不備, no decision taken on the form yet,
 * and, with blind double entry on, the certificate's income entered for every dependent
 * with an income figure (継続 is refused without it). One rule for the queue's tick boxes
 * and for the approval itself, so the queue offers exactly what is accepted; for a page
 * of forms at once, in a fixed number of queries.
 */
@Component
class BulkOffers {

	private static final String CONFIRMED = "CONFIRMED";

	private final SurveyBulkReview forms;

	private final Documents documents;

	private final ReviewBulkRepository reviews;

	private final ReviewRepository settings;

	BulkOffers(SurveyBulkReview forms, Documents documents, ReviewBulkRepository reviews, ReviewRepository settings) {
		this.forms = forms;
		this.documents = documents;
		this.reviews = reviews;
		this.settings = settings;
	}

	/** A form and its household. */
	record FormRef(long formId, String kigo, String bango) {
	}

	/** The forms among {@code refs} that pass; forms of other tenants never do. */
	Set<Long> accepted(long tenantId, Collection<FormRef> refs) {
		Set<Long> out = new HashSet<>();
		if (refs.isEmpty()) {
			return out;
		}
		List<Long> ids = refs.stream().map(FormRef::formId).toList();
		Map<Long, SurveyBulkReview.FormDependents> dependents = forms.dependents(tenantId, ids);
		Map<String, List<StoredDocument>> files = documents.listForStaff(tenantId,
				refs.stream().map(r -> new DocumentOwner(tenantId, r.kigo(), r.bango())).toList());
		Map<Long, Map<Long, String>> checks = reviews.documentChecks(tenantId, ids);
		Set<Long> decided = reviews.formsWithDecisions(tenantId, ids);
		boolean blind = settings.settings(tenantId).blindIncome();
		Map<Long, Set<Long>> entered = blind ? reviews.incomeEntries(tenantId, ids) : Map.of();
		for (FormRef ref : refs) {
			SurveyBulkReview.FormDependents form = dependents.get(ref.formId());
			if (form == null || decided.contains(ref.formId())) {
				continue;
			}
			Map<Long, String> formChecks = checks.getOrDefault(ref.formId(), Map.of());
			Set<Long> persons = form.dependents()
				.stream()
				.map(FormDependent::rosterPersonId)
				.collect(Collectors.toSet());
			boolean documentsSeen = files.getOrDefault(ref.kigo() + ":" + ref.bango(), List.of())
				.stream()
				.filter(doc -> doc.subjectPersonId() != null && persons.contains(doc.subjectPersonId()))
				.allMatch(doc -> CONFIRMED.equals(formChecks.get(doc.id())));
			boolean noneDeficient = formChecks.values().stream().allMatch(CONFIRMED::equals);
			Set<Long> entries = entered.getOrDefault(ref.formId(), Set.of());
			boolean incomesEntered = !blind || form.dependents()
				.stream()
				.allMatch(d -> BlindIncomes.memberFigure(form.answers(d.id())) == null || entries.contains(d.id()));
			if (documentsSeen && noneDeficient && incomesEntered) {
				out.add(ref.formId());
			}
		}
		return out;
	}

}
