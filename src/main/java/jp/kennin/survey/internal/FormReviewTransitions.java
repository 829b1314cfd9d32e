package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.kennin.platform.StaffActor;
import jp.kennin.survey.SurveyForm;
import jp.kennin.survey.SurveyReturned;
import jp.kennin.survey.SurveyReviewSteps;

import org.springframework.context.ApplicationEventPublisher;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The form's side of the review: state changes guarded in the update itself (a concurrent
 * step finds the form in another state and is refused), each recorded in the form's
 * history. Runs in the review's transaction.
 */
@Service
@Transactional
class FormReviewTransitions implements SurveyReviewSteps {

	static final String STAFF = StaffActor.KIND;

	private final SurveyFormRepository forms;

	private final CampaignRepository campaigns;

	private final AnswerRepository answers;

	private final FormEventRepository history;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final EligibilityCheck eligibility;

	FormReviewTransitions(SurveyFormRepository forms, CampaignRepository campaigns, AnswerRepository answers,
			FormEventRepository history, Clock clock, ApplicationEventPublisher events, EligibilityCheck eligibility) {
		this.eligibility = eligibility;
		this.events = events;
		this.forms = forms;
		this.campaigns = campaigns;
		this.answers = answers;
		this.history = history;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReviewedForm> find(long tenantId, long formId) {
		return forms.find(tenantId, formId)
			.flatMap(form -> campaigns.find(tenantId, form.campaignId())
				.map(campaign -> new ReviewedForm(form, campaign, forms.dependents(tenantId, formId),
						answers.forForm(tenantId, formId))));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, jp.kennin.eligibility.EligibilityResult> precheck(ReviewedForm form) {
		MemberForm member = new MemberForm(form.form(), form.campaign(), form.dependents(), form.answers());
		Map<Long, jp.kennin.eligibility.EligibilityResult> out = new LinkedHashMap<>();
		form.dependents().forEach(d -> out.put(d.id(), eligibility.evaluate(member, d)));
		return out;
	}

	@Override
	public void startReview(long tenantId, long formId, String reviewer) {
		SurveyForm form = require(tenantId, formId);
		if (!forms.startReview(tenantId, formId, reviewer)) {
			throw new FormStepRefused("survey.review.problem.notSubmitted");
		}
		record(form, FormEvent.Kind.REVIEW_STARTED);
	}

	@Override
	public void returnForCorrection(long tenantId, long formId, String message, Instant correctionDeadline) {
		SurveyForm form = require(tenantId, formId);
		if (!forms.returnForCorrection(tenantId, formId, message, correctionDeadline)) {
			throw new FormStepRefused("survey.review.problem.notInReview");
		}
		record(form, FormEvent.Kind.RETURNED);
		String title = campaigns.find(tenantId, form.campaignId()).map(jp.kennin.survey.Campaign::title).orElse("");
		events.publishEvent(new SurveyReturned(tenantId, formId, form.kigo(), form.bango(), title, correctionDeadline));
	}

	@Override
	public void complete(long tenantId, long formId) {
		SurveyForm form = require(tenantId, formId);
		if (!forms.complete(tenantId, formId)) {
			throw new FormStepRefused("survey.review.problem.notInReview");
		}
		record(form, FormEvent.Kind.REVIEW_COMPLETED);
	}

	@Override
	public void reopenReview(long tenantId, long formId) {
		SurveyForm form = require(tenantId, formId);
		if (forms.reopenReview(tenantId, formId)) {
			record(form, FormEvent.Kind.REVIEW_STARTED);
		}
	}

	@Override
	public void openDocumentsForRebuttal(long tenantId, long formId, Instant until) {
		require(tenantId, formId);
		forms.openDocumentsForRebuttal(tenantId, formId, Timestamp.from(until));
	}

	private SurveyForm require(long tenantId, long formId) {
		return forms.find(tenantId, formId).orElseThrow(FormNotFound::new);
	}

	private void record(SurveyForm form, FormEvent.Kind kind) {
		history.add(form.tenantId(), form.id(), kind, form.receiptNumber(), null, null, null, STAFF, clock.instant());
	}

}
