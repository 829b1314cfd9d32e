package jp.kennin.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.roster.RosterImported;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends, on every node, the sessions of members whose insured person a roster import made
 * inactive, as soon as the import has committed (and before the page, API or command line
 * reports it done). A session lives at most 12 hours after its login, so only accounts
 * that logged in since then are looked up. The roster module knows nothing of accounts;
 * it only publishes {@link RosterImported}.
 * <p>
 * Without a session store (the {@code import-roster} command line starts no web server)
 * nothing can be ended here; {@link ActiveMemberFilter} then refuses those sessions at
 * their next request, as it refuses any session whose person is inactive.
 */
@Component
class RosterDeactivations {

	private static final Logger log = LoggerFactory.getLogger(RosterDeactivations.class);

	private final AccountRepository accounts;

	private final ObjectProvider<MemberSessions> sessions;

	private final AccountAudit audit;

	private final Clock clock;

	RosterDeactivations(AccountRepository accounts, ObjectProvider<MemberSessions> sessions, AccountAudit audit,
			Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(RosterImported event) {
		if (event.counts() == null || event.counts().deactivated() == 0) {
			return;
		}
		MemberSessions store = sessions.getIfAvailable();
		if (store == null) {
			log.info(
					"Roster import {}: no session store here; sessions of deactivated members end at their next request",
					event.importId());
			return;
		}
		Instant since = clock.instant().minus(AbsoluteTimeoutFilter.ABSOLUTE);
		for (MemberAccount account : accounts.inactiveLoggedInSince(event.tenantId(), since)) {
			int ended = store.endAll(account.userId(), null);
			if (ended > 0) {
				audit.system(AccountAuditEvent.SESSIONS_ENDED, account, "roster-import:" + event.importId(),
						Map.of("reason", "roster-inactive", "sessions", String.valueOf(ended)));
			}
		}
	}

}
