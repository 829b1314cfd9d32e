package jp.kennin.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;

/**
 * Sessions in the database through Spring Session JDBC, as Spring Boot would set them up,
 * but served to the session filter through {@link SparingSessionRepository}, which does
 * not write an unchanged session back after every request. Declaring a session repository
 * turns Spring Boot's own set-up off, so this imports the same library configuration and
 * applies the two settings Kennin took from Boot's properties: the timeout
 * ({@code spring.session.timeout}) and no clean-up job of the library's own
 * ({@link SessionCleanup} runs once per slot across the cluster instead).
 * {@link JdbcIndexedSessionRepository} stays a bean for the clean-up; everything that
 * asks for a session repository by its interface gets the sparing one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@Import(JdbcHttpSessionConfiguration.class)
class SessionStoreConfiguration {

	@Bean
	@Primary
	SparingSessionRepository<?> sparingSessionRepository(JdbcIndexedSessionRepository sessionRepository,
			@Value("${kennin.session.access-write-interval:PT1M}") Duration accessWriteInterval) {
		return SparingSessionRepository.over(sessionRepository, accessWriteInterval);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeoutWithoutOwnCleanup(SessionTimeout timeout) {
		return (sessions) -> {
			if (timeout.getTimeout() != null) {
				sessions.setDefaultMaxInactiveInterval(timeout.getTimeout());
			}
			sessions.setCleanupCron(Scheduled.CRON_DISABLED);
		};
	}

}
