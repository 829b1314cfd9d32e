package jp.kennin.survey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.RequiredDocument;
import jp.kennin.survey.FormDependent;

import org.springframework.stereotype.Component;

/**
 * The documents a form's answers call for, per dependent, with the files uploaded for
 * each and, for the ones missing, what the member chose (by post, or cannot provide with
 * a reason).
 */
@Component
public class DocumentRequirements {

	private final EligibilityCheck eligibility;

	private final Documents documents;

	private final DocumentChoiceRepository choices;

	DocumentRequirements(EligibilityCheck eligibility, Documents documents, DocumentChoiceRepository choices) {
		this.eligibility = eligibility;
		this.documents = documents;
		this.choices = choices;
	}

	/** One required document of one dependent. */
	public record Requirement(FormDependent dependent, RequiredDocument document, List<StoredDocument> files,
			DocumentChoice choice) {

		public boolean missing() {
			return files.isEmpty();
		}

		/** Missing, and the member has not yet said how it comes or why it cannot. */
		public boolean unresolved() {
			return missing() && (choice == null || !choice.complete());
		}

		/** Field names and ids on the check page: {@code <dependent>-<slot>}. */
		public String key() {
			return dependent.id() + "-" + document.code();
		}

		public boolean byMail() {
			return missing() && choice != null && choice.kind() == DocumentChoice.Kind.MAIL;
		}

		public boolean unable() {
			return missing() && choice != null && choice.kind() == DocumentChoice.Kind.UNABLE;
		}

	}

	public record Requirements(List<Requirement> all) {

		public List<Requirement> of(long dependentId) {
			return all.stream().filter(r -> r.dependent().id() == dependentId).toList();
		}

		public List<Requirement> missing() {
			return all.stream().filter(Requirement::missing).toList();
		}

		public List<Requirement> missing(long dependentId) {
			return all.stream().filter(r -> r.missing() && r.dependent().id() == dependentId).toList();
		}

		public List<Requirement> unresolved() {
			return all.stream().filter(Requirement::unresolved).toList();
		}

		public boolean anyUnresolved(long dependentId) {
			return all.stream().anyMatch(r -> r.unresolved() && r.dependent().id() == dependentId);
		}

		public boolean anyMissing() {
			return all.stream().anyMatch(Requirement::missing);
		}

	}

	public Requirements of(MemberForm form) {
		var f = form.form();
		return of(form, documents.list(new DocumentOwner(f.tenantId(), f.kigo(), f.bango())));
	}

	public Requirements of(MemberForm form, List<StoredDocument> household) {
		Map<String, DocumentChoice> chosen = choices.forForm(form.form().tenantId(), form.form().id())
			.stream()
			.collect(Collectors.toMap(c -> DocumentChoiceRepository.key(c.dependentId(), c.slot()),
					Function.identity()));
		List<Requirement> all = new ArrayList<>();
		for (FormDependent d : form.dependents()) {
			EligibilityResult result = eligibility.evaluate(form, d);
			if (result == null) {
				continue;
			}
			for (RequiredDocument doc : result.documents()) {
				if (doc == RequiredDocument.OTHER) {
					continue;
				}
				List<StoredDocument> files = household.stream()
					.filter(s -> doc.code().equals(s.slot()) && s.subjectPersonId() != null
							&& s.subjectPersonId() == d.rosterPersonId())
					.toList();
				all.add(new Requirement(d, doc, files, chosen.get(DocumentChoiceRepository.key(d.id(), doc.code()))));
			}
		}
		return new Requirements(all);
	}

}
