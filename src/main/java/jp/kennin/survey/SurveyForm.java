package jp.kennin.survey;

import java.time.Instant;

/**
 * A household's survey form (調査票) in one campaign.
 */
public record SurveyForm(long id, long tenantId, long campaignId, String kigo, String bango, long insuredPersonId,
		String officeCode, String officeName, SurveyStatus.State status, String receiptNumber, int version,
		Instant submittedAt, Instant reviewStartedAt, Long insuredIncome, boolean householdAnswered) {

	public boolean submitted() {
		return status == SurveyStatus.State.SUBMITTED;
	}

}
