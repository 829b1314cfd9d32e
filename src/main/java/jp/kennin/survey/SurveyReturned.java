package jp.kennin.survey;

import java.time.Instant;

/**
 * Staff returned a household's form for correction (差し戻し). Listeners mail the member a
 * login link and the correction deadline; the staff message itself is shown only after
 * login, never in the mail.
 */
public record SurveyReturned(long tenantId, long surveyFormId, String kigo, String bango, String campaignTitle,
		Instant correctionDeadline) {
}
