package jp.kennin.notification.internal;

import java.util.Locale;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code kennin.mail.outbox} gauges by {@code status}: pending and failed mails across
 * the cluster (read from the database at each scrape, so every node reports the same),
 * for an alert on failed mail or a queue that does not drain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class OutboxMetrics {

	@Bean
	MeterBinder outboxGauges(MailOutbox outbox) {
		return registry -> {
			for (String status : new String[] { "PENDING", "FAILED" }) {
				Gauge.builder("kennin.mail.outbox", outbox, o -> o.count(status))
					.tag("status", status.toLowerCase(Locale.ROOT))
					.description("Mails in the outbox by status")
					.register(registry);
			}
		};
	}

}
