package jp.kennin.notification.internal;

import java.time.Instant;

/** A claimed mail. {@code serverFailure}: its last attempt failed on the server. */
record OutboxMail(long id, Long tenantId, String fromAddress, String fromName, String to, String subject, String body,
		int attempts, Instant createdAt, boolean serverFailure) {

	OutboxMail(long id, String fromAddress, String fromName, String to, String subject, String body, int attempts,
			Instant createdAt) {
		this(id, null, fromAddress, fromName, to, subject, body, attempts, createdAt, false);
	}

}
