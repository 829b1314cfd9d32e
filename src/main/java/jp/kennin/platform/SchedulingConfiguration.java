package jp.kennin.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Scheduled jobs run on every node, but each run takes a lock row in the database first
 * (ShedLock, with the database's clock so node clocks may differ) and keeps it for about
 * 90 % of the job's interval ({@code lockAtLeastFor} on each job): a job runs once per
 * slot across the cluster, even when it ends in milliseconds and another node's trigger
 * fires a moment later. Mail is sent on a thread of its own (notification's
 * MailSendingThread), so a hanging SMTP server cannot hold up the other jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConditionalOnProperty(name = "kennin.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

	@Bean
	SessionCleanup sessionCleanup(JdbcIndexedSessionRepository sessions) {
		return new SessionCleanup(sessions);
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
