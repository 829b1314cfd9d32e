package jp.kennin.notification.internal;

import java.net.URI;

import jakarta.mail.internet.MimeMessage;

import jp.kennin.platform.KenninProperties;

import org.springframework.mail.javamail.JavaMailSender;

class SmtpMailTransport implements MailTransport {

	private final JavaMailSender sender;

	private final String messageIdDomain;

	SmtpMailTransport(JavaMailSender sender, KenninProperties properties) {
		this.sender = sender;
		this.messageIdDomain = URI.create(properties.baseUrl()).getHost();
	}

	@Override
	public void send(OutboxMail mail) throws Exception {
		MimeMessage message = MimeMessages.build(sender.createMimeMessage().getSession(), mail, messageIdDomain);
		sender.send(message);
	}

}
