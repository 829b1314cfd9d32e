package jp.kennin.platform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Deletes expired sessions, once per slot across the cluster. Spring Session's own
 * clean-up is turned off ({@link SessionStoreConfiguration}) because it runs on every
 * node without a lock.
 */
class SessionCleanup {

	private final JdbcIndexedSessionRepository sessions;

	SessionCleanup(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	// Held for 90 % of the interval: a node whose trigger fires a little
	// later in the same slot finds the lock still taken and skips.
	@Scheduled(cron = "${kennin.session.cleanup-cron:0 */5 * * * *}")
	@SchedulerLock(name = "session-cleanup", lockAtLeastFor = "PT4M30S", lockAtMostFor = "PT10M")
	public void run() {
		this.sessions.cleanUpExpiredSessions();
	}

}
