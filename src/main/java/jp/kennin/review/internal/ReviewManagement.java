package jp.kennin.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.BlindIncomes;
import jp.kennin.review.Decision;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.ReviewView;
import jp.kennin.review.ReviewView.DecisionState;
import jp.kennin.review.ReasonTemplates;
import jp.kennin.review.RemovalScheduled;
import jp.kennin.review.Reviews;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyCorrections;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveyStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.kennin.review.ReviewAuditEvent.DEPENDENT_DECIDED;
import static jp.kennin.review.ReviewAuditEvent.FORM_RETURNED;
import static jp.kennin.review.ReviewAuditEvent.REMOVAL_APPROVED;
import static jp.kennin.review.ReviewAuditEvent.REMOVAL_PROPOSED;
import static jp.kennin.review.ReviewAuditEvent.REMOVAL_SENT_BACK;
import static jp.kennin.review.ReviewAuditEvent.REVIEW_COMPLETED;
import static jp.kennin.review.ReviewAuditEvent.REVIEW_MEMO_SAVED;
import static jp.kennin.review.ReviewAuditEvent.REVIEW_SETTINGS_CHANGED;
import static jp.kennin.review.ReviewAuditEvent.REVIEW_STARTED;
import static jp.kennin.review.ReviewAuditEvent.REVIEW_VIEWED;

/**
 * The review use cases: role check, tenant scope, version check, change, history and
 * audit record in one transaction each. The form's state moves through the survey
 * module's {@link SurveyReviewSteps}.
 */
@Service
@Transactional
class ReviewManagement implements Reviews {

	private final SurveyReviewSteps forms;

	private final ReviewRepository reviews;

	private final ReviewAudit audit;

	private final ReturnDeadlines deadlines;

	private final Clock clock;

	private final MessageSource messages;

	private final SurveyCorrections corrections;

	private final FormDocuments formDocuments;

	private final IncomeEntryRepository incomeEntries;

	private final RebuttalWindows rebuttals;

	private final ApplicationEventPublisher events;

	ReviewManagement(SurveyReviewSteps forms, ReviewRepository reviews, ReviewAudit audit, ReturnDeadlines deadlines,
			Clock clock, MessageSource messages, SurveyCorrections corrections, FormDocuments formDocuments,
			IncomeEntryRepository incomeEntries, RebuttalWindows rebuttals, ApplicationEventPublisher events) {
		this.rebuttals = rebuttals;
		this.events = events;
		this.corrections = corrections;
		this.messages = messages;
		this.formDocuments = formDocuments;
		this.incomeEntries = incomeEntries;
		this.forms = forms;
		this.reviews = reviews;
		this.audit = audit;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@Override
	public ReviewView view(ReviewActor actor, long formId) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		audit.form(REVIEW_VIEWED, actor, formId, Map.of("kigo", form.form().kigo(), "bango", form.form().bango()));
		var review = reviews.find(actor.tenantId(), formId);
		return new ReviewView(form, review.isPresent(), review.map(ReviewRepository.Case::version).orElse(0),
				review.map(ReviewRepository.Case::memo).orElse(null),
				review.map(c -> reviews.decisions(actor.tenantId(), c.id())).orElse(Map.of()),
				review.map(c -> reviews.history(actor.tenantId(), c.id())).orElse(List.of()),
				reviews.settings(actor.tenantId()),
				formDocuments.states(actor.tenantId(), form, review.map(ReviewRepository.Case::id).orElse(null)));
	}

	@Override
	public void start(ReviewActor actor, long formId) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		try {
			forms.startReview(actor.tenantId(), formId, actor.loginId());
		}
		catch (SurveyReviewSteps.FormStepRefused ex) {
			throw new ReviewProblem(ex.messageKey());
		}
		var review = reviews.open(actor.tenantId(), formId, form.campaign().id(), actor.loginId(), now());
		reviews.bump(actor.tenantId(), review.id(), review.version(), now());
		reviews.addEvent(actor.tenantId(), review.id(), REVIEW_STARTED.name(), null, form.form().receiptNumber(),
				actor.loginId(), actor.role(), now());
		audit.form(REVIEW_STARTED, actor, formId, Map.of("receiptNumber", String.valueOf(form.form().receiptNumber())));
	}

	@Override
	public void decide(ReviewActor actor, long formId, int version, long dependentId, DependentDecision decision) {
		Step step = step(actor, formId, version);
		FormDependent dependent = dependent(step.form(), dependentId);
		DependentDecision checked = DecisionRules.check(decision);
		// Blind double entry on: a dependent with an income figure is kept only once the
		// certificate's figure has been typed, so the check cannot be skipped.
		if (checked.decision() == Decision.CONTINUE && reviews.settings(actor.tenantId()).blindIncome()
				&& BlindIncomes.memberFigure(step.form().answers(dependentId)) != null
				&& !incomeEntries.entries(actor.tenantId(), step.caseId()).containsKey(dependentId)) {
			throw new ReviewProblem(BlindIncomes.ENTRY_REQUIRED);
		}
		// 「収入の不一致」 (blind double entry): keeping the dependent needs a word on why.
		if (checked.decision() == Decision.CONTINUE && checked.note() == null && incomeEntries
			.mismatch(actor.tenantId(), step.caseId(), dependentId, step.form().answers(dependentId))) {
			throw new ReviewProblem(BlindIncomes.MISMATCH_NOTE_REQUIRED);
		}
		boolean proposal = checked.decision() == Decision.REMOVE && !actor.tenantAdmin()
				&& reviews.settings(actor.tenantId()).fourEyes();
		String approval = checked.decision() != Decision.REMOVE ? null
				: proposal ? ReviewRepository.PROPOSED : ReviewRepository.APPROVED;
		Instant windowEnd = ReviewRepository.APPROVED.equals(approval) ? rebuttals.endOfWindow(actor.tenantId(), now())
				: null;
		reviews.decide(actor.tenantId(), step.caseId(), dependentId, checked.decision(), approval, checked.lossDate(),
				checked.reason(), checked.note(), actor.loginId(), now(), windowEnd);
		scheduled(step.form(), dependent, checked.lossDate(), windowEnd);
		Map<String, String> details = DecisionRules.details(dependent, checked);
		var type = proposal ? REMOVAL_PROPOSED : DEPENDENT_DECIDED;
		reviews.addEvent(actor.tenantId(), step.caseId(), type.name(), dependentId,
				DecisionRules.describe(checked, messages), actor.loginId(), actor.role(), now());
		audit.form(type, actor, formId, details);
	}

	@Override
	public void approveRemoval(ReviewActor actor, long formId, int version, long dependentId) {
		requireAdmin(actor);
		Step step = step(actor, formId, version);
		FormDependent dependent = dependent(step.form(), dependentId);
		DecisionState proposal = proposal(actor, step, dependentId);
		Instant windowEnd = rebuttals.endOfWindow(actor.tenantId(), now());
		reviews.approve(actor.tenantId(), step.caseId(), dependentId, actor.loginId(), now(), windowEnd);
		scheduled(step.form(), dependent, proposal.lossDate(), windowEnd);
		reviews.addEvent(actor.tenantId(), step.caseId(), REMOVAL_APPROVED.name(), dependentId, proposal.decidedBy(),
				actor.loginId(), actor.role(), now());
		audit.form(REMOVAL_APPROVED, actor, formId,
				Map.of("edaban", dependent.edaban(), "proposedBy", proposal.decidedBy()));
	}

	@Override
	public void sendBackRemoval(ReviewActor actor, long formId, int version, long dependentId, String note) {
		requireAdmin(actor);
		Step step = step(actor, formId, version);
		FormDependent dependent = dependent(step.form(), dependentId);
		String text = DecisionRules.required(note, ReviewProblem.NOTE_REQUIRED);
		DecisionState proposal = proposal(actor, step, dependentId);
		reviews.decide(actor.tenantId(), step.caseId(), dependentId, null, null, null, null, text, actor.loginId(),
				now());
		reviews.addEvent(actor.tenantId(), step.caseId(), REMOVAL_SENT_BACK.name(), dependentId, text, actor.loginId(),
				actor.role(), now());
		audit.form(REMOVAL_SENT_BACK, actor, formId,
				Map.of("edaban", dependent.edaban(), "proposedBy", proposal.decidedBy(), "note", text));
	}

	@Override
	public void saveMemo(ReviewActor actor, long formId, int version, String memo) {
		requireReviewer(actor);
		form(actor, formId);
		var review = reviews.find(actor.tenantId(), formId)
			.orElseThrow(() -> new ReviewProblem(ReviewProblem.NOT_IN_REVIEW));
		bump(actor, review, version);
		String text = memo == null || memo.isBlank() ? null : memo.strip();
		reviews.saveMemo(actor.tenantId(), review.id(), text);
		reviews.addEvent(actor.tenantId(), review.id(), REVIEW_MEMO_SAVED.name(), null, null, actor.loginId(),
				actor.role(), now());
		audit.form(REVIEW_MEMO_SAVED, actor, formId,
				Map.of("length", String.valueOf(text == null ? 0 : text.length())));
	}

	@Override
	public void returnForCorrection(ReviewActor actor, long formId, int version, ReturnRequest request) {
		Step step = returnStep(actor, formId, version);
		String message = DecisionRules.required(request.message(), ReviewProblem.MESSAGE_REQUIRED);
		var reasons = request.reasons() == null ? List.<ReturnReason>of()
				: request.reasons().stream().filter(r -> r.text() != null && !r.text().isBlank()).toList();
		if (reasons.isEmpty()) {
			throw new ReviewProblem(ReviewProblem.RETURN_REASON_REQUIRED);
		}
		reasons.forEach(r -> dependent(step.form(), r.dependentId()));
		reasons.stream().filter(r -> r.documentId() != null).forEach(r -> {
			var document = formDocuments.find(actor.tenantId(), step.form(), r.documentId())
				.orElseThrow(ReviewNotFound::new);
			if (document.dependent().id() != r.dependentId()) {
				throw new ReviewNotFound();
			}
		});
		Instant deadline = deadlines.deadline(step.form().campaign(), request.correctionDeadline(),
				reviews.settings(actor.tenantId()));
		forms.returnForCorrection(actor.tenantId(), formId, message, deadline);
		// Only the returned parts open for the member; the rest stays as handed in.
		corrections.openParts(actor.tenantId(), formId,
				reasons.stream()
					.map(r -> new SurveyCorrections.ReturnedPart(r.dependentId(), r.documentId()))
					.toList());
		for (ReturnReason r : reasons) {
			reviews.addEvent(actor.tenantId(), step.caseId(), "RETURN_REASON", r.dependentId(),
					(r.documentId() == null ? "" : "document:" + r.documentId() + " ") + r.text().strip(),
					actor.loginId(), actor.role(), now());
		}
		reviews.addEvent(actor.tenantId(), step.caseId(), FORM_RETURNED.name(), null, message, actor.loginId(),
				actor.role(), now());
		audit.form(FORM_RETURNED, actor, formId, Map.of("correctionDeadline", JapanTime.formatDateTime(deadline),
				"reasons", String.valueOf(reasons.size())));
	}

	@Override
	public void complete(ReviewActor actor, long formId, int version) {
		Step step = step(actor, formId, version);
		Map<Long, DecisionState> decisions = reviews.decisions(actor.tenantId(), step.caseId());
		boolean all = step.form()
			.dependents()
			.stream()
			.allMatch(d -> decisions.getOrDefault(d.id(), DecisionState.UNDECIDED).settled());
		if (!all) {
			throw new ReviewProblem(ReviewProblem.UNDECIDED);
		}
		if (step.form().form().status() != SurveyStatus.State.IN_REVIEW) {
			// A household that never submitted keeps its decisions but is never 確認完了.
			throw new ReviewProblem(ReviewProblem.NOT_IN_REVIEW);
		}
		forms.complete(actor.tenantId(), formId);
		long removed = decisions.values().stream().filter(d -> d.decision() == Decision.REMOVE).count();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("continued", String.valueOf(decisions.size() - removed));
		details.put("removed", String.valueOf(removed));
		reviews.addEvent(actor.tenantId(), step.caseId(), REVIEW_COMPLETED.name(), null, null, actor.loginId(),
				actor.role(), now());
		audit.form(REVIEW_COMPLETED, actor, formId, details);
	}

	@Override
	@Transactional(readOnly = true)
	public ReviewSettings settings(long tenantId) {
		return reviews.settings(tenantId);
	}

	@Override
	public void changeSettings(ReviewActor actor, ReviewSettings settings) {
		requireAdmin(actor);
		if (settings.correctionDays() < 1 || settings.correctionDays() > 60) {
			throw new ReviewProblem("review.problem.correctionDays");
		}
		if (settings.bulkSamplePercent() < 0 || settings.bulkSamplePercent() > 100) {
			throw new ReviewProblem("review.problem.samplePercent");
		}
		if (settings.incomeToleranceYen() < 0) {
			throw new ReviewProblem("review.problem.incomeTolerance");
		}
		if (settings.rebuttalDays() < 0 || settings.rebuttalDays() > RebuttalWindows.MAX_DAYS) {
			throw new ReviewProblem("review.problem.rebuttalDays");
		}
		String templates = ReasonTemplates.problem(settings.reasonTemplates());
		if (templates != null) {
			throw new ReviewProblem(templates);
		}
		reviews.saveSettings(actor.tenantId(), settings, now());
		audit.record(REVIEW_SETTINGS_CHANGED, actor, "review_settings", Map.of("fourEyes",
				String.valueOf(settings.fourEyes()), "correctionDays", String.valueOf(settings.correctionDays()),
				"reasonTemplates", String.valueOf(settings.reasonTemplates().size()), "bulkSamplePercent",
				String.valueOf(settings.bulkSamplePercent()), "blindIncome", String.valueOf(settings.blindIncome()),
				"incomeToleranceYen", String.valueOf(settings.incomeToleranceYen()), "rebuttalDays",
				String.valueOf(settings.rebuttalDays())));
	}

	@Override
	@Transactional(readOnly = true)
	public ReviewSettings settingsForEditing(ReviewActor actor) {
		requireAdmin(actor);
		return reviews.settings(actor.tenantId());
	}

	/**
	 * With a rebuttal window the member is told (the account module mails them) and may
	 * add documents to the form until it ends.
	 */
	private void scheduled(ReviewedForm form, FormDependent dependent, LocalDate lossDate, Instant end) {
		if (end != null) {
			forms.openDocumentsForRebuttal(form.form().tenantId(), form.form().id(), end);
			events.publishEvent(new RemovalScheduled(form.form().tenantId(), form.form().id(), form.form().kigo(),
					form.form().bango(), form.campaign().title(), dependent.name(), lossDate,
					RebuttalWindows.lastDay(end)));
		}
	}

	/** A change to a form under review, on the version the staff member saw. */
	private record Step(ReviewedForm form, long caseId) {
	}

	private Step step(ReviewActor actor, long formId, int version) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		if (form.form().status() != SurveyStatus.State.IN_REVIEW && !closedUnsubmitted(form)) {
			throw new ReviewProblem(ReviewProblem.NOT_IN_REVIEW);
		}
		var review = reviews.find(actor.tenantId(), formId)
			.orElseThrow(() -> new ReviewProblem(ReviewProblem.NOT_IN_REVIEW));
		bump(actor, review, version);
		return new Step(form, review.id());
	}

	/**
	 * A 差し戻し is taken under review or again on a returned form (e.g. with a new deadline
	 * once the member's passed).
	 */
	private Step returnStep(ReviewActor actor, long formId, int version) {
		requireReviewer(actor);
		ReviewedForm form = form(actor, formId);
		if (form.form().status() != SurveyStatus.State.RETURNED) {
			return step(actor, formId, version);
		}
		var review = reviews.find(actor.tenantId(), formId)
			.orElseThrow(() -> new ReviewProblem(ReviewProblem.NOT_IN_REVIEW));
		bump(actor, review, version);
		return new Step(form, review.id());
	}

	/**
	 * A household that never submitted, in a closed campaign: closing put its dependents
	 * on 保留 or proposed their 削除 (the campaign's rule), and staff decide or approve them
	 * like any other, without the form ever being 審査中.
	 */
	private static boolean closedUnsubmitted(ReviewedForm form) {
		var state = form.form().status();
		var campaign = form.campaign().status();
		return (state == SurveyStatus.State.NOT_STARTED || state == SurveyStatus.State.IN_PROGRESS)
				&& (campaign == CampaignStatus.CLOSED || campaign == CampaignStatus.COMPLETED);
	}

	private void bump(ReviewActor actor, ReviewRepository.Case review, int version) {
		if (!reviews.bump(actor.tenantId(), review.id(), version, now())) {
			throw new ReviewProblem(ReviewProblem.STALE);
		}
	}

	private DecisionState proposal(ReviewActor actor, Step step, long dependentId) {
		DecisionState current = reviews.decisions(actor.tenantId(), step.caseId())
			.getOrDefault(dependentId, DecisionState.UNDECIDED);
		if (!current.proposed()) {
			throw new ReviewProblem(ReviewProblem.NOT_PROPOSED);
		}
		if (actor.loginId().equals(current.decidedBy())) {
			throw new ReviewProblem(ReviewProblem.OWN_PROPOSAL);
		}
		return current;
	}

	private ReviewedForm form(ReviewActor actor, long formId) {
		return forms.find(actor.tenantId(), formId).orElseThrow(ReviewNotFound::new);
	}

	private static FormDependent dependent(ReviewedForm form, long dependentId) {
		return form.dependents()
			.stream()
			.filter(d -> d.id() == dependentId)
			.findFirst()
			.orElseThrow(ReviewNotFound::new);
	}

	private static void requireReviewer(ReviewActor actor) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators review forms");
		}
	}

	private static void requireAdmin(ReviewActor actor) {
		if (!actor.tenantAdmin()) {
			throw new AccessDeniedException("only the insurer's administrators approve removals and change settings");
		}
	}

	private Instant now() {
		return clock.instant();
	}

}
