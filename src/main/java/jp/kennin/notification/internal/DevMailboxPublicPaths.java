package jp.kennin.notification.internal;

import jp.kennin.platform.PublicPaths;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(MailTransportConfiguration.CAPTURING)
class DevMailboxPublicPaths {

	@Bean
	PublicPaths devMailboxPaths() {
		return PublicPaths.of("/dev/mail", "/dev/mail/*");
	}

}
