package jp.kennin.survey;

import java.time.Instant;

/**
 * A household's survey form (調査票) in one campaign.
 */
public record SurveyForm(long id, long tenantId, long campaignId, String kigo, String bango, long insuredPersonId,
		String officeCode, String officeName, SurveyStatus.State status, String receiptNumber, int version,
		Instant submittedAt, Instant reviewStartedAt, Long insuredIncome, boolean householdAnswered, Review review) {

	/**
	 * Handed in and not back with the member (submitted, under review or 確認完了): answers
	 * are locked, a repeated submit returns the receipt number, and a withdrawal is
	 * refused once review started.
	 */
	public boolean submitted() {
		return status.handedIn();
	}

	/**
	 * What the review put on the form: the assigned reviewer, and for a 差し戻し the message
	 * to the member and the correction deadline; all null before any review.
	 *
	 * @param returnedCount how many times the form was returned; a submission after one
	 * is a 再提出
	 */
	public record Review(String reviewer, String returnMessage, Instant correctionDeadline, int returnedCount,
			Instant completedAt) {

		public static final Review NONE = new Review(null, null, null, 0, null);

	}

}
