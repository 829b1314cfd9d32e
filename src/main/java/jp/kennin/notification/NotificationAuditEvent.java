package jp.kennin.notification;

/**
 * Audit event types written by the notification module ({@code audit_event.type} is the
 * constant's name); the target of each is {@code mail:<outbox id>}.
 */
public enum NotificationAuditEvent {

	/** An operator queued a FAILED mail again. Details: {@code attempts} before. */
	MAIL_RETRIED

}
