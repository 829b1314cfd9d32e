package jp.kennin.notification.internal;

/**
 * Where the outbox hands mail over: SMTP in production, .eml files in development.
 */
interface MailTransport {

	void send(OutboxMail mail) throws Exception;

}
