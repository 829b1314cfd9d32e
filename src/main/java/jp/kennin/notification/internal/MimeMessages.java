package jp.kennin.notification.internal;

import java.io.UnsupportedEncodingException;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Builds the MIME message both transports send or store: UTF-8 plain text, with a stable
 * Message-ID derived from the outbox ID so a retried send can be recognised as the same
 * mail.
 */
final class MimeMessages {

	private MimeMessages() {
	}

	static MimeMessage build(Session session, OutboxMail mail, String messageIdDomain)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<outbox-" + mail.id() + "@" + messageIdDomain + ">");
			}
		};
		message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), "UTF-8"));
		message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
		message.setSubject(mail.subject(), "UTF-8");
		message.setText(mail.body(), "UTF-8");
		message.setSentDate(Date.from(mail.createdAt()));
		return message;
	}

}
