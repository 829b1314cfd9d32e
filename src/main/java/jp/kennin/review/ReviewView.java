package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveyStatus;

/**
 * One form as the review screen shows it.
 *
 * @param version the review's version, sent back with every change; 0 before the review
 * started
 * @param decisions by dependent ID; a dependent without a row is undecided
 * @param history the review's steps, oldest first
 */
public record ReviewView(ReviewedForm form, boolean started, int version, String memo,
		Map<Long, DecisionState> decisions, List<Step> history, Reviews.ReviewSettings settings) {

	public DecisionState decision(long dependentId) {
		return decisions.getOrDefault(dependentId, DecisionState.UNDECIDED);
	}

	public boolean inReview() {
		return form.form().status() == SurveyStatus.State.IN_REVIEW;
	}

	/** Every dependent 継続 or an approved 削除. */
	public boolean completable() {
		return form.dependents().stream().map(FormDependent::id).map(this::decision).allMatch(DecisionState::settled);
	}

	/**
	 * A dependent's decision.
	 *
	 * @param proposed a 削除 waiting for a TENANT_ADMIN
	 */
	public record DecisionState(Decision decision, boolean proposed, LocalDate lossDate, LossReason reason, String note,
			String decidedBy, Instant decidedAt) {

		public static final DecisionState UNDECIDED = new DecisionState(null, false, null, null, null, null, null);

		/** Counts toward 確認完了. */
		public boolean settled() {
			return decision == Decision.CONTINUE || (decision == Decision.REMOVE && !proposed);
		}

	}

	/** One entry of the review history. */
	public record Step(String kind, Long dependentId, String detail, String actor, String actorRole, Instant at) {
	}

}
