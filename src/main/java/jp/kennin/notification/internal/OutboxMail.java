package jp.kennin.notification.internal;

import java.time.Instant;

record OutboxMail(long id, String fromAddress, String fromName, String to, String subject, String body, int attempts,
		Instant createdAt) {
}
