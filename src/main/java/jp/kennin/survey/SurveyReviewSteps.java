package jp.kennin.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The form lifecycle steps the review module takes, and what it reads of a form. The
 * survey module keeps the form's state; the review module owns roles, audit and decisions
 * and calls these inside its own transaction. Every method is scoped by tenant: another
 * tenant's form is "not found". Each step is also written to the form's history (actor
 * kind {@code STAFF}).
 */
public interface SurveyReviewSteps {

	/**
	 * A form as staff review it: its campaign, the dependents under survey and the
	 * member's answers.
	 */
	record ReviewedForm(SurveyForm form, Campaign campaign, List<FormDependent> dependents,
			Map<Long, DependentAnswers> answers) {

		public DependentAnswers answers(long dependentId) {
			return answers.getOrDefault(dependentId, DependentAnswers.empty(dependentId));
		}

	}

	Optional<ReviewedForm> find(long tenantId, long formId);

	/**
	 * The eligibility pre-check of each dependent (by dependent ID), as the member's
	 * check page shows it.
	 */
	Map<Long, jp.kennin.eligibility.EligibilityResult> precheck(ReviewedForm form);

	/**
	 * 提出済み → 審査中, assigned to {@code reviewer}; the member can no longer withdraw.
	 * @throws FormStepRefused unless the form is 提出済み (also when another reviewer started
	 * first)
	 */
	void startReview(long tenantId, long formId, String reviewer);

	/**
	 * 審査中 → 差し戻し: the member sees {@code message} and may correct and resubmit until
	 * {@code correctionDeadline}; the resubmission comes back as 提出済み. A returned form
	 * may be returned again (a new message and deadline, e.g. once the member's deadline
	 * passed).
	 * @throws FormStepRefused unless the form is 審査中 or 差し戻し
	 */
	void returnForCorrection(long tenantId, long formId, String message, Instant correctionDeadline);

	/** 審査中 → 確認完了. @throws FormStepRefused unless the form is 審査中 */
	void complete(long tenantId, long formId);

	/**
	 * 確認完了 → 審査中 again: the member responded to a scheduled removal within the rebuttal
	 * window. A form in any other state stays as it is. Either way the queue shows it
	 * 「反論あり」 until it is 確認完了 again.
	 */
	void reopenReview(long tenantId, long formId);

	/**
	 * A removal of the form's household is 削除予定 until {@code until}: the member may add
	 * documents to the form for their response until then, even after the campaign
	 * closed.
	 */
	void openDocumentsForRebuttal(long tenantId, long formId, Instant until);

	/** Why a step was refused; {@code messageKey} is in the survey bundle. */
	class FormStepRefused extends RuntimeException {

		private final String messageKey;

		public FormStepRefused(String messageKey) {
			super(messageKey);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

}
