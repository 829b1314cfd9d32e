package jp.kennin.account.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes sign-ups whose code was never confirmed within 24 hours, and old throttling
 * counts. Runs on one node at a time.
 */
@Component
class AccountHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);

	private final AccountRepository accounts;

	private final Throttle throttle;

	AccountHousekeeping(AccountRepository accounts, Throttle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	// Hourly; the lock is held for 90 % of the hour, so a node whose trigger
	// fires a moment later in the same hour skips.
	@Scheduled(cron = "0 17 * * * *")
	@SchedulerLock(name = "account-housekeeping", lockAtLeastFor = "PT54M", lockAtMostFor = "PT59M")
	@Transactional
	public void run() {
		int pending = accounts.deleteExpiredPending();
		int attempts = throttle.deleteOlderThan(Throttle.longestWindow());
		if (pending + attempts > 0) {
			log.info("Account housekeeping: {} expired sign-ups, {} old throttling records removed", pending, attempts);
		}
	}

}
