package jp.kennin.account.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import jp.kennin.survey.CampaignReminders;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the due reminder slots every minute, once per cluster: ShedLock keeps a second
 * node's trigger out for the minute, and each slot's unique {@code reminder_run} row
 * keeps a slot from running twice even across the lock (a restart, a run longer than the
 * lock).
 */
@Component
class CampaignReminderJob {

	private final CampaignReminders reminders;

	private final Clock clock;

	CampaignReminderJob(CampaignReminders reminders, Clock clock) {
		this.reminders = reminders;
		this.clock = clock;
	}

	// At second 0 of every minute; held for 90 % of the minute, like the campaign closer.
	@Scheduled(cron = "${kennin.reminders.cron:0 * * * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "campaign-reminders", lockAtLeastFor = "PT54S")
	void runDue() {
		reminders.runDueSlots(clock.instant());
	}

}
