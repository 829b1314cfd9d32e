package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.platform.JapanTime;
import jp.kennin.subsidy.internal.DeadlineReminderRepository.Due;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds members with claims not sent when their insurer's claim window closes within
 * {@value #DAYS_BEFORE} days (Japan dates, the last claim day included). Once per
 * deadline per insurer ({@code subsidy_deadline_reminder_run}): a run missed while the
 * application was down is made up on a later day of the window; an insurer that moves its
 * deadline gets a reminder for the new one.
 */
@Component
class DeadlineReminderJob {

	static final int DAYS_BEFORE = 7;

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminderJob.class);

	private final DeadlineReminderRepository reminders;

	private final DeadlineReminders service;

	private final Clock clock;

	DeadlineReminderJob(DeadlineReminderRepository reminders, DeadlineReminders service, Clock clock) {
		this.reminders = reminders;
		this.service = service;
		this.clock = clock;
	}

	// Daily at 09:10 Japan time, when a mail is welcome; held for most of the day so one
	// node runs it.
	@Scheduled(cron = "${kennin.subsidy.reminder-cron:0 10 9 * * *}", zone = "Asia/Tokyo")
	@SchedulerLock(name = "subsidy-deadline-reminder", lockAtLeastFor = "PT20H", lockAtMostFor = "PT23H")
	void run() {
		runOnce().forEach((due, members) -> log.info("Subsidy deadline {} of tenant {}: {} members reminded",
				due.claimTo(), due.tenantId(), members));
	}

	/** One run over every insurer; also what tests call. */
	Map<Due, Integer> runOnce() {
		LocalDate today = JapanTime.today(clock);
		Map<Due, Integer> sent = new LinkedHashMap<>();
		for (Due due : reminders.due(today, today.plusDays(DAYS_BEFORE))) {
			try {
				int members = service.remind(due);
				if (members >= 0) {
					sent.put(due, members);
				}
			}
			catch (RuntimeException ex) {
				// one insurer's failure (rolled back) must not stop the others;
				// the next day tries it again
				log.error("Subsidy deadline reminder failed for tenant {} fiscal year {}", due.tenantId(),
						due.fiscalYear(), ex);
			}
		}
		return sent;
	}

}
