package jp.kennin.review;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.eligibility.Continuation;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.DependentAnswers.RemovalReason;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;

/**
 * 本人申出による削除: a dependent the member took off the insurance in the survey (「削除する（扶養から外す）」
 * with the date and a reason) arrives in the review as a 削除 proposal. The proposal is
 * filled in when the review screen is shown, not stored: staff save it as any decision,
 * so the usual rules apply (喪失日 and 事由 required, a REVIEWER's 削除 waits for a TENANT_ADMIN
 * under four eyes).
 */
public final class SelfRemovals {

	private SelfRemovals() {
	}

	/** The proposal for each dependent the member removed, by dependent ID. */
	public static Map<Long, Reviews.DependentDecision> of(ReviewedForm form) {
		Map<Long, Reviews.DependentDecision> out = new LinkedHashMap<>();
		for (FormDependent d : form.dependents()) {
			Reviews.DependentDecision p = proposal(form.answers(d.id()));
			if (p != null) {
				out.put(d.id(), p);
			}
		}
		return out;
	}

	/**
	 * The 削除 the member's answers propose, or null when they do not remove the dependent.
	 */
	public static Reviews.DependentDecision proposal(DependentAnswers answers) {
		if (answers.continuation() != Continuation.REMOVE) {
			return null;
		}
		LocalDate date = answers.removalDate();
		return new Reviews.DependentDecision(Decision.REMOVE, date, reason(answers.removalReason()),
				answers.removalNote());
	}

	/**
	 * The review's 事由 for the member's reason; 本人申出 where the member's reason does not
	 * say which (別居 alone says nothing about the remittance, another insurance nothing
	 * about why).
	 */
	public static LossReason reason(RemovalReason reason) {
		if (reason == null) {
			return LossReason.OWN_REQUEST;
		}
		return switch (reason) {
			case EMPLOYED -> LossReason.EMPLOYMENT;
			case INCOME_INCREASE -> LossReason.INCOME_OVER_LIMIT;
			case MARRIED -> LossReason.MARRIAGE;
			case DIED -> LossReason.DEATH;
			case AGE_75 -> LossReason.AGE_75;
			case MOVED_OUT, OTHER_INSURANCE, OTHER -> LossReason.OWN_REQUEST;
		};
	}

}
