package jp.kennin.notification;

/**
 * An SMTP server refused a mail of a tenant permanently (5xx) because of its recipient;
 * the address is now bouncing ({@link MailBounces}). Carries the outbox ID, never the
 * address, so outreach can find the household the mail was for in its journal.
 */
public record MailBounced(long tenantId, long outboxId) {
}
