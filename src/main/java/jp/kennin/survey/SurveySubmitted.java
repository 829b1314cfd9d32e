package jp.kennin.survey;

/**
 * A household submitted its survey form. Listeners send the receipt mail.
 */
public record SurveySubmitted(long tenantId, long surveyFormId, String kigo, String bango, String campaignTitle,
		String receiptNumber) {
}
