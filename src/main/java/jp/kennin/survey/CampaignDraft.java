package jp.kennin.survey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What staff enter to create or edit a campaign. {@code reminders} null keeps the
 * schedule a campaign has (the default for a new one).
 */
public record CampaignDraft(String title, LocalDate referenceDate, Instant opensAt, Instant deadline,
		boolean lateSubmissionAllowed, String instructions, TargetRules rules, ReminderSchedule reminders) {

	public CampaignDraft(String title, LocalDate referenceDate, Instant opensAt, Instant deadline,
			boolean lateSubmissionAllowed, String instructions, TargetRules rules) {
		this(title, referenceDate, opensAt, deadline, lateSubmissionAllowed, instructions, rules, null);
	}

}
