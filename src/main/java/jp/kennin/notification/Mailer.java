package jp.kennin.notification;

/**
 * Queues mail for sending.
 */
public interface Mailer {

	/**
	 * Writes the mail to the outbox in the current transaction; it is sent after commit
	 * by a background job with retries, so a rolled-back action sends nothing and an SMTP
	 * outage only delays the mail.
	 * @return the outbox ID
	 */
	long enqueue(OutgoingMail mail);

}
