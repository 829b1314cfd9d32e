package jp.kennin.notification.internal;

import jp.kennin.platform.PublicPaths;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = MailTransportConfiguration.CAPTURING, havingValue = "true")
class DevMailboxPublicPaths {

	@Bean
	PublicPaths devMailboxPaths() {
		return PublicPaths.of("/dev/mail", "/dev/mail/*");
	}

}
