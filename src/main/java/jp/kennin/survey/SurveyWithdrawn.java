package jp.kennin.survey;

import java.time.Instant;

/**
 * A household took its submitted survey form back to change it. Listeners mail the
 * member: the form is no longer submitted until it is sent again before {@code deadline}.
 *
 * @param receiptNumber the 受付番号 of the submission that was withdrawn
 */
public record SurveyWithdrawn(long tenantId, long surveyFormId, String kigo, String bango, String campaignTitle,
		String receiptNumber, Instant deadline) {
}
