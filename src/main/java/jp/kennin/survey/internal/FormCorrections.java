package jp.kennin.survey.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyChanges;
import jp.kennin.survey.SurveyCorrections;
import jp.kennin.survey.SurveyForm;
import jp.kennin.survey.SurveyQuestion;
import jp.kennin.survey.SurveyStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts a return opens, the answers kept at each submission and what a 再提出 changed.
 * The member's own pages ask {@link #scope(MemberForm)}; the review module uses the
 * {@link SurveyCorrections} API.
 */
@Service
@Transactional
public class FormCorrections implements SurveyCorrections {

	private final SurveyFormRepository forms;

	private final AnswerRepository answers;

	private final FormEventRepository history;

	private final CorrectionRepository corrections;

	private final Clock clock;

	FormCorrections(SurveyFormRepository forms, AnswerRepository answers, FormEventRepository history,
			CorrectionRepository corrections, Clock clock) {
		this.forms = forms;
		this.answers = answers;
		this.history = history;
		this.corrections = corrections;
		this.clock = clock;
	}

	@Override
	public void openParts(long tenantId, long formId, List<ReturnedPart> parts) {
		SurveyForm form = forms.find(tenantId, formId).orElseThrow(FormNotFound::new);
		Set<Long> dependents = new HashSet<>();
		forms.dependents(tenantId, formId).forEach(d -> dependents.add(d.id()));
		List<ReturnedPart> known = parts.stream().filter(p -> dependents.contains(p.dependentId())).toList();
		corrections.addParts(tenantId, formId, form.review().returnedCount(), known, clock.instant());
	}

	/** What the member may change on the form now. */
	@Transactional(readOnly = true)
	public CorrectionScope scope(MemberForm form) {
		SurveyForm f = form.form();
		if (f.status() != SurveyStatus.State.RETURNED) {
			return CorrectionScope.NONE;
		}
		List<ReturnedPart> parts = corrections.parts(f.tenantId(), f.id(), f.review().returnedCount());
		if (parts.isEmpty()) {
			return new CorrectionScope(true, false, Set.of(), Set.of(), f.review().correctionDeadline());
		}
		Set<Long> answerOpen = new HashSet<>();
		Set<Long> documentOpen = new HashSet<>();
		for (ReturnedPart p : parts) {
			(p.documentId() == null ? answerOpen : documentOpen).add(p.dependentId());
		}
		return new CorrectionScope(true, true, answerOpen, documentOpen, f.review().correctionDeadline());
	}

	/** Keeps the answers as handed in with the form's submission {@code submissionNo}. */
	void snapshot(MemberForm form, int submissionNo) {
		SurveyForm f = form.form();
		corrections.snapshot(f.tenantId(), f.id(), submissionNo, answers.forForm(f.tenantId(), f.id()),
				clock.instant());
	}

	@Override
	@Transactional(readOnly = true)
	public SurveyChanges changesSinceReturn(long tenantId, long formId) {
		var form = forms.find(tenantId, formId);
		// Shown for a 再提出: while the form is back with the member there is nothing to
		// compare yet.
		if (form.isEmpty() || form.get().review().returnedCount() == 0
				|| form.get().status() == SurveyStatus.State.RETURNED) {
			return SurveyChanges.NONE;
		}
		List<FormEvent> events = history.forForm(tenantId, formId);
		int lastReturn = -1;
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).kind() == FormEvent.Kind.RETURNED) {
				lastReturn = i;
			}
		}
		int submissionNo = 0;
		int returnedSubmission = -1;
		String receipt = null;
		for (int i = 0; i < lastReturn; i++) {
			if (events.get(i).kind() == FormEvent.Kind.SUBMITTED) {
				submissionNo++;
				returnedSubmission = i;
				receipt = events.get(i).receiptNumber();
			}
		}
		Map<Long, DependentAnswers> before = corrections.snapshotOf(tenantId, formId, submissionNo);
		if (lastReturn < 0 || before.isEmpty()) {
			return SurveyChanges.NONE;
		}
		List<FormDependent> dependents = forms.dependents(tenantId, formId);
		Map<Long, DependentAnswers> after = answers.forForm(tenantId, formId);
		List<SurveyChanges.Change> changed = new ArrayList<>();
		for (FormDependent d : dependents) {
			DependentAnswers was = before.getOrDefault(d.id(), DependentAnswers.empty(d.id()));
			DependentAnswers now = after.getOrDefault(d.id(), DependentAnswers.empty(d.id()));
			for (SurveyQuestion q : SurveyQuestion.values()) {
				if (!Objects.equals(CorrectionRepository.raw(q, was.value(q)),
						CorrectionRepository.raw(q, now.value(q)))) {
					changed.add(new SurveyChanges.Change(d.id(), q));
				}
			}
		}
		// Documents from the first return of that submission on (staff may return it
		// again,
		// e.g. with a new deadline, without a submission in between).
		List<SurveyChanges.AddedDocument> added = new ArrayList<>();
		boolean afterReturn = false;
		for (FormEvent e : events.subList(returnedSubmission + 1, events.size())) {
			afterReturn |= e.kind() == FormEvent.Kind.RETURNED;
			if (afterReturn && e.kind() == FormEvent.Kind.DOCUMENT_ADDED && e.documentId() != null) {
				added.add(new SurveyChanges.AddedDocument(e.documentId(), dependentOf(dependents, e), e.at()));
			}
		}
		return new SurveyChanges(true, receipt, before, after, changed, added);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MemberStep> memberSteps(long tenantId, long formId) {
		if (forms.find(tenantId, formId).isEmpty()) {
			return List.of();
		}
		List<FormDependent> dependents = forms.dependents(tenantId, formId);
		List<MemberStep> out = new ArrayList<>();
		boolean returned = false;
		int reviewSteps = 0;
		for (FormEvent e : history.forForm(tenantId, formId)) {
			if (e.kind() == FormEvent.Kind.RETURNED) {
				returned = true;
			}
			if (e.kind() == FormEvent.Kind.REVIEW_STARTED || e.kind() == FormEvent.Kind.RETURNED
					|| e.kind() == FormEvent.Kind.REVIEW_COMPLETED) {
				reviewSteps++;
			}
			if (!FormEventRepository.MEMBER.equals(e.actorKind())) {
				continue;
			}
			String kind = switch (e.kind()) {
				case SUBMITTED -> returned ? "RESUBMITTED" : "SUBMITTED";
				case WITHDRAWN -> "WITHDRAWN";
				case DOCUMENT_ADDED -> "DOCUMENT_ADDED";
				default -> null;
			};
			if (kind != null) {
				out.add(new MemberStep(kind, dependentOf(dependents, e), e.receiptNumber(), e.documentId(), e.at(),
						reviewSteps));
			}
		}
		return out;
	}

	private static Long dependentOf(List<FormDependent> dependents, FormEvent e) {
		if (e.subjectPersonId() == null) {
			return null;
		}
		return dependents.stream()
			.filter(d -> d.rosterPersonId() == e.subjectPersonId())
			.map(FormDependent::id)
			.findFirst()
			.orElse(null);
	}

}
