package jp.kennin.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.platform.SafeMarkdown;

/**
 * A yearly survey run by one tenant. Times are instants, shown in Japan time.
 * {@code reminders} is editable while the campaign is being prepared.
 *
 * @param nonResponderRule what closing does with households that did not submit
 */
public record Campaign(long id, long tenantId, String title, LocalDate referenceDate, Instant opensAt, Instant deadline,
		boolean lateSubmissionAllowed, String instructions, CampaignStatus status, TargetRules rules,
		ReminderSchedule reminders, NonResponderRule nonResponderRule) {

	/** The rule may change until the campaign closes. */
	public boolean nonResponderRuleChangeable() {
		return status == CampaignStatus.PREPARING || status == CampaignStatus.OPEN;
	}

	/** Members may change answers ({@link CampaignVisibility#TAKES_CHANGES}). */
	public boolean acceptsMemberChanges(Clock clock) {
		return CampaignVisibility.TAKES_CHANGES.test(this, clock.instant());
	}

	/**
	 * Members see the campaign, read-only once it no longer takes changes
	 * ({@link CampaignVisibility#VISIBLE}).
	 */
	public boolean visibleToMembers(Clock clock) {
		return CampaignVisibility.VISIBLE.test(this, clock.instant());
	}

	/**
	 * The instructions (Markdown, like notices) as sanitised HTML, safe to insert
	 * unescaped.
	 */
	public String instructionsHtml() {
		return SafeMarkdown.toHtml(instructions);
	}

}
