package jp.kennin.notification.internal;

import jp.kennin.platform.KenninProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when {@code spring.mail.host} is set; otherwise mail is captured to disk for the dev mailbox.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

	static final String CAPTURING = "'${spring.mail.host:}'.isBlank()";

	@Bean
	@ConditionalOnExpression(CAPTURING)
	CapturingMailTransport capturingMailTransport(KenninProperties properties) {
		return new CapturingMailTransport(properties.mail().captureDir());
	}

	@Bean
	@ConditionalOnExpression("!" + CAPTURING)
	SmtpMailTransport smtpMailTransport(JavaMailSender sender, KenninProperties properties) {
		return new SmtpMailTransport(sender, properties);
	}

}
