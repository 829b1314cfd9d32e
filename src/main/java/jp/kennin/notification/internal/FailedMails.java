package jp.kennin.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.notification.NotificationAuditEvent;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 送信できなかったメール (OPERATOR): mails given up after the last retry or refused for good, across
 * all insurers, and queuing one again. Operators see recipient (masked), subject and
 * error, never the body: a code or a reset link must not leak to the operator's screen.
 */
@Service
public class FailedMails {

	/** How many of the newest failed mails the page lists. */
	static final int LISTED = 200;

	private final MailOutbox outbox;

	private final AuditLog audit;

	FailedMails(MailOutbox outbox, AuditLog audit) {
		this.outbox = outbox;
		this.audit = audit;
	}

	/** A failed mail as operators see it. */
	public record Row(long id, Long tenantId, String tenantName, String maskedTo, String subject, int attempts,
			String lastError, Instant queuedAt) {
	}

	@Transactional(readOnly = true)
	public List<Row> list(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
		return outbox.failed(LISTED)
			.stream()
			.map(m -> new Row(m.id(), m.tenantId(), m.tenantName(), mask(m.to()), m.subject(), m.attempts(),
					m.lastError(), m.createdAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public long count(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
		return outbox.count("FAILED");
	}

	/**
	 * Queues a failed mail again with fresh attempts, audited as {@code MAIL_RETRIED}.
	 * @return false if the mail is not (or no longer) FAILED
	 */
	@Transactional
	public boolean retry(StaffActor actor, long outboxId) {
		actor.require(StaffActor.OPERATOR);
		MailOutbox.FailedMail mail = outbox.failedMail(outboxId).orElse(null);
		if (mail == null || !outbox.retry(outboxId)) {
			return false;
		}
		audit.record(AuditLog.Event.byStaff(NotificationAuditEvent.MAIL_RETRIED, mail.tenantId(), actor,
				"mail:" + outboxId, Map.of("attempts", String.valueOf(mail.attempts()))));
		return true;
	}

	/**
	 * {@code ta****@example.jp}: enough to tell two mails apart, not to read the address.
	 */
	static String mask(String address) {
		int at = address.lastIndexOf('@');
		String local = at < 0 ? address : address.substring(0, at);
		String domain = at < 0 ? "" : address.substring(at);
		String shown = local.length() <= 2 ? local.substring(0, Math.min(1, local.length())) : local.substring(0, 2);
		return shown + "****" + domain;
	}

}
