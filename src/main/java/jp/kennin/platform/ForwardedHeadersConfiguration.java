package jp.kennin.platform;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link TrustedProxyValve} in front of everything. Spring Boot's own
 * forwarded-header support is off ({@code server.forward-headers-strategy: none} in
 * application.yml): its "framework" strategy believes any client, and its "native" one
 * trusts all private networks unless configured with Tomcat's regular expressions.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxyValve(KenninProperties properties) {
		TrustedProxies trusted = TrustedProxies.parse(properties.trustedProxies());
		return factory -> factory.addEngineValves(new TrustedProxyValve(trusted));
	}

}
