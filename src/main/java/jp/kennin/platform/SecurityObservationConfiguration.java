package jp.kennin.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes every filter of every chain and every authorisation decision
 * when an observation registry is present (Actuator brings one). Each observation becomes
 * a timer in the metrics registry (a {@code spring.security.*} series per filter and per
 * decision) and a span if tracing were shipped, which Kennin does not; on a member page
 * they were about 8 % of the request's time (issue 17, docs/benchmarks.md). Requests stay
 * timed as a whole ({@code http.server.requests}), which is what operators read.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfiguration {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

}
