package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyClaimDeadlineNear;
import jp.kennin.subsidy.internal.DeadlineReminderRepository.Due;
import jp.kennin.subsidy.internal.DeadlineReminderRepository.Unsent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One insurer's reminder before its claim window closes: every member with a claim not
 * sent (a draft, or returned for correction) is mailed once, in the same transaction as
 * the run that records it and its audit event (actor SYSTEM), so a failed run sends
 * nothing and the next tries again.
 */
@Service
class DeadlineReminders {

	/** The job's name, as the actor of its audit events. */
	static final String ACTOR = "subsidy-deadline-reminder";

	private final DeadlineReminderRepository reminders;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DeadlineReminders(DeadlineReminderRepository reminders, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.reminders = reminders;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return how many members were mailed, or -1 when the reminder had run
	 */
	@Transactional
	public int remind(Due due) {
		Instant now = clock.instant();
		List<Unsent> members = reminders.unsent(due.tenantId(), due.fiscalYear());
		if (!reminders.start(due, now, members.size())) {
			return -1;
		}
		for (Unsent m : members) {
			events.publishEvent(new SubsidyClaimDeadlineNear(due.tenantId(), m.memberAccountId(), m.kigo(), m.bango(),
					due.claimTo(), m.claims()));
		}
		audit.record(new AuditLog.Event(SubsidyAuditEvent.SUBSIDY_DEADLINE_REMINDED.name(), due.tenantId(), "SYSTEM",
				ACTOR, null, "subsidy_rules:" + due.fiscalYear(), null,
				Map.of("claimTo", due.claimTo().toString(), "members", String.valueOf(members.size()))));
		return members.size();
	}

}
