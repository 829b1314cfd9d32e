package jp.kennin.notification;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * A plain-text mail. {@code tenantId} is null for mail not sent on behalf of an insurer.
 * {@code notAfter}: when set, the mail is not sent after this instant but marked EXPIRED
 * (a sign-up code past its validity only costs the member a try). {@code supersedeKey}:
 * when set, queuing it replaces a still unsent mail of the same tenant with the same key
 * (SUPERSEDED), so a replaced code never arrives after its replacement.
 */
public record OutgoingMail(Long tenantId, String fromAddress, String fromName, String to, String subject, String body,
		Instant notAfter, String supersedeKey) {

	public OutgoingMail {
		Assert.hasText(fromAddress, "fromAddress must not be empty!");
		Assert.hasText(to, "to must not be empty!");
		Assert.hasText(subject, "subject must not be empty!");
		Assert.notNull(body, "body must not be null!");
		Assert.isTrue(supersedeKey == null || (!supersedeKey.isBlank() && supersedeKey.length() <= 100),
				"supersedeKey must be null or 1 to 100 characters!");
	}

	/** A mail sent whenever the outbox gets to it, replacing nothing. */
	public OutgoingMail(Long tenantId, String fromAddress, String fromName, String to, String subject, String body) {
		this(tenantId, fromAddress, fromName, to, subject, body, null, null);
	}

	/** This mail, not to be sent after {@code instant}. */
	public OutgoingMail notAfter(Instant instant) {
		return new OutgoingMail(tenantId, fromAddress, fromName, to, subject, body, instant, supersedeKey);
	}

	/** This mail, replacing an unsent one of the same tenant queued with {@code key}. */
	public OutgoingMail supersedes(String key) {
		return new OutgoingMail(tenantId, fromAddress, fromName, to, subject, body, notAfter, key);
	}

}
