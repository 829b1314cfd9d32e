package jp.kennin.notification.internal;

import jp.kennin.platform.KenninProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when {@code spring.mail.host} is set; captured to disk for the dev mailbox only
 * when the start-up checks decided so (the embedded demo setup, see platform's
 * StartupChecks); otherwise there is no transport and mail waits in the outbox.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

	/** Set by the start-up checks before any bean exists; missing means not capturing. */
	static final String CAPTURING = "kennin.mail.capturing";

	@Bean
	@ConditionalOnProperty(name = CAPTURING, havingValue = "true")
	CapturingMailTransport capturingMailTransport(KenninProperties properties) {
		return new CapturingMailTransport(properties.mail().captureDir());
	}

	@Bean
	@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
	SmtpMailTransport smtpMailTransport(JavaMailSender sender, KenninProperties properties) {
		return new SmtpMailTransport(sender, properties);
	}

}
