package jp.kennin.notification.internal;

import jp.kennin.platform.KenninProperties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The real SMTP transport pointed at a local test server ({@code FakeSmtp}). */
final class TestSmtpTransports {

	private TestSmtpTransports() {
	}

	/** Short timeouts: a test server that does not answer fails the test in seconds. */
	static MailTransport to(int port, KenninProperties properties) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "4000");
		return new SmtpMailTransport(sender, properties);
	}

}
