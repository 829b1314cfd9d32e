package jp.kennin.survey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What staff enter to create or edit a campaign.
 */
public record CampaignDraft(String title, LocalDate referenceDate, Instant opensAt, Instant deadline,
		boolean lateSubmissionAllowed, String instructions, TargetRules rules) {
}
