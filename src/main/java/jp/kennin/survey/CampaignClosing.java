package jp.kennin.survey;

/**
 * What closing a campaign ends, for the confirmation page.
 *
 * @param households survey forms (one per household)
 * @param dependents dependents on those forms
 * @param notSubmitted forms not submitted, whose members can no longer answer once closed
 */
public record CampaignClosing(Campaign campaign, long households, long dependents, long notSubmitted) {
}
