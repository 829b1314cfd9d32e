package jp.kennin.survey;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

/**
 * A campaign's reminders, implemented by the module that knows members' accounts and
 * addresses (account), like {@link CampaignOutreach}. Every run picks its recipients when
 * it runs: households whose form is not handed in (未作成, 作成中, and 差し戻し not yet
 * resubmitted). A member with an account gets a reminder mail, a roster address without
 * an account the sign-up guide again, and a household with neither a place on the letter
 * list for a 督促 letter; each is journalled.
 */
public interface CampaignReminders {

	/**
	 * Who 「今すぐ督促を送る」 would reach now, for the confirmation page.
	 * @throws AccessDeniedException unless the actor may manage campaigns
	 * @throws CampaignProblem unless the campaign is open
	 */
	InvitationCounts audience(CampaignActor actor, long campaignId, ReminderFilter filter);

	/**
	 * Queues a reminder now to the filtered households, as one run.
	 * @param confirmedHouseholds the count the staff member saw; if it changed since,
	 * nothing is sent
	 * @return the run's counts
	 * @throws CampaignProblem unless open, or if the count changed
	 * ({@code survey.reminder.problem.countChanged})
	 */
	InvitationCounts sendNow(CampaignActor actor, long campaignId, ReminderFilter filter, long confirmedHouseholds);

	/**
	 * Runs the slots of the schedules that are due at {@code now}, each once across the
	 * cluster; the scheduled job calls it every minute.
	 * @return the runs this call made
	 */
	int runDueSlots(Instant now);

	/**
	 * The campaign's runs, newest first, the invitation at opening last, each with the
	 * delivery state of its mails as the outbox has it now.
	 */
	List<OutreachRun> runs(long tenantId, long campaignId);

	/** What was sent to one household, newest first, in every campaign of the tenant. */
	List<OutreachEntry> journal(long tenantId, String kigo, String bango);

	/**
	 * One run: the invitation ({@code runId} 0, {@code trigger} OPENING), a scheduled
	 * slot (SCHEDULE, {@code slot} set) or a staff member's send-now (STAFF).
	 */
	record OutreachRun(long runId, String trigger, Instant slot, Instant at, String actorId, long memberMails,
			long signupGuides, long letters, long queued, long sent, long failed) {

		public long mails() {
			return memberMails + signupGuides;
		}

	}

	/**
	 * One message to a household.
	 *
	 * @param channel MAIL or LETTER
	 * @param kind INVITATION, SIGNUP_GUIDE, REMINDER or SIGNUP_REMINDER
	 * @param trigger OPENING, SCHEDULE or STAFF
	 * @param state QUEUED, SENT, FAILED for a mail; LETTER for a place on the letter list
	 */
	record OutreachEntry(Instant at, long campaignId, String campaignTitle, String channel, String kind, String trigger,
			String state, Instant sentAt) {
	}

}
