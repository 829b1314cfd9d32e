package jp.kennin.notification;

import java.util.List;

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

	/**
	 * Writes many mails to the outbox in the current transaction with JDBC batches (an
	 * invitation run queues one per household of a campaign).
	 * @return the outbox IDs, in the order of {@code mails}
	 */
	long[] enqueueAll(List<OutgoingMail> mails);

}
