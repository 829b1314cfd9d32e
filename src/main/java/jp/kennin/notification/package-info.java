/**
 * Outgoing mail through a persistent outbox:
 * {@link jp.kennin.notification.Mailer#enqueue} writes the mail in the caller's
 * transaction; a background job sends it over SMTP, or captures it to disk in
 * development.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package jp.kennin.notification;
