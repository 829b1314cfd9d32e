package jp.kennin.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.platform.SafeMarkdown;

/**
 * A yearly survey run by one tenant. Times are instants, shown in Japan time.
 */
public record Campaign(long id, long tenantId, String title, LocalDate referenceDate, Instant opensAt, Instant deadline,
		boolean lateSubmissionAllowed, String instructions, CampaignStatus status, TargetRules rules) {

	/** Members may change answers: open, started, and before the deadline unless late submission is allowed. */
	public boolean acceptsMemberChanges(Clock clock) {
		Instant now = clock.instant();
		return status == CampaignStatus.OPEN && !now.isBefore(opensAt)
				&& (now.isBefore(deadline) || lateSubmissionAllowed);
	}

	public boolean visibleToMembers(Clock clock) {
		return status != CampaignStatus.PREPARING && !clock.instant().isBefore(opensAt);
	}

	/** The instructions (Markdown, like notices) as sanitised HTML, safe to insert unescaped. */
	public String instructionsHtml() {
		return SafeMarkdown.toHtml(instructions);
	}

}
