package jp.kennin.survey.internal;

/**
 * Why a member's change was not saved; {@code messageKey} is the Japanese explanation in
 * the survey bundle.
 */
public class SurveyProblem extends RuntimeException {

	public static final String CLOSED = "survey.form.problem.closed";

	/** Staff closed the campaign, perhaps before its deadline: not 「回答期限を過ぎたため」. */
	public static final String CLOSED_EARLY = "survey.form.problem.closedEarly";

	public static final String SUBMITTED = "survey.form.problem.submitted";

	public static final String STALE = "survey.form.problem.stale";

	public static final String INCOMPLETE = "survey.form.problem.incomplete";

	public static final String REVIEW_STARTED = "survey.form.problem.reviewStarted";

	/** A required document is neither uploaded nor promised by post nor explained. */
	public static final String MISSING_DOCUMENTS = "survey.form.problem.missingDocuments";

	/** 差し戻し: the member tried to change a part staff did not return. */
	public static final String LOCKED = "survey.correction.problem.locked";

	/** 差し戻し: the correction deadline passed. */
	public static final String CORRECTION_EXPIRED = "survey.correction.problem.expired";

	private final String messageKey;

	SurveyProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	static SurveyProblem closed(jp.kennin.survey.Campaign campaign) {
		return new SurveyProblem(campaign.status() == jp.kennin.survey.CampaignStatus.OPEN ? CLOSED : CLOSED_EARLY);
	}

	public String messageKey() {
		return messageKey;
	}

}
