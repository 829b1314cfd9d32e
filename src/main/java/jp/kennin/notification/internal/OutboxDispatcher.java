package jp.kennin.notification.internal;

import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kennin.platform.KenninProperties;

import org.springframework.stereotype.Component;

/**
 * Sends due outbox mail. Runs on every node but holds a cluster-wide lock, so each mail
 * is sent once. Without a transport (no SMTP host and capture off) mail stays in the
 * outbox until one is configured.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final int BATCH = 50;

	private final MailOutbox outbox;

	private final Optional<MailTransport> transport;

	private final int maxAttempts;

	private volatile boolean heldWarned;

	OutboxDispatcher(MailOutbox outbox, Optional<MailTransport> transport, KenninProperties properties) {
		this.outbox = outbox;
		this.transport = transport;
		this.maxAttempts = properties.mail().maxAttempts();
	}

	// Called by MailSendingThread, not by the shared scheduler: a hanging
	// SMTP server holds up mail only. Unlike the housekeeping jobs, the lock is
	// released as soon as a run ends: a second node running again in the same slot
	// finds only mail that is still due (what the first sent is marked sent), so it
	// sends nothing twice, and holding the lock would only delay mail queued
	// meanwhile. The lock keeps two nodes from sending at the same time.
	@SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT5M")
	void dispatch() {
		dispatchDue();
	}

	/** Sends what is due now; returns how many mails were sent. */
	int dispatchDue() {
		if (transport.isEmpty()) {
			if (!heldWarned) {
				heldWarned = true;
				log.warn("Mail is not sent: no SMTP host is set and kennin.mail.capture is off; mail waits in the "
						+ "outbox until SPRING_MAIL_HOST is set.");
			}
			return 0;
		}
		int sent = 0;
		List<OutboxMail> due;
		do {
			due = outbox.due(BATCH);
			for (OutboxMail mail : due) {
				try {
					transport.get().send(mail);
					outbox.markSent(mail.id());
					sent++;
				}
				catch (Exception ex) {
					// The address is personal data: log the outbox ID only.
					log.warn("Mail {} not sent (attempt {}): {}", mail.id(), mail.attempts() + 1, ex.toString());
					outbox.markFailed(mail, ex.toString(), maxAttempts);
				}
			}
		}
		while (due.size() == BATCH && sent > 0);
		return sent;
	}

}
