package jp.kennin.platform;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database run each scheduled job once per slot (issue 16, item 1: the
 * first node finished in milliseconds and released its lock, and the second node's
 * trigger a few milliseconds later ran the job again). The lock settings are the real
 * ones, read by ShedLock's own extractor from the job beans' annotations; the two nodes
 * are two JdbcTemplateLockProviders on the test database, as on two servers.
 */
@KenninIntegrationTest
class ScheduledJobsOncePerSlotIntegrationTests {

	/** Every scheduled job, by lock name, with its interval in production. */
	// The mail outbox takes no lock: nodes claim mails with short leases instead
	// (OutboxClaimsIntegrationTests).
	static final Map<String, Duration> JOBS = Map.of("account-housekeeping", Duration.ofHours(1),
			"roster-import-housekeeping", Duration.ofMinutes(5), "campaign-closer", Duration.ofMinutes(1),
			"session-cleanup", Duration.ofMinutes(5), "document-scan", Duration.ofSeconds(5), "campaign-reminders",
			Duration.ofMinutes(1), "retention", Duration.ofDays(1), "subsidy-cutoff", Duration.ofHours(1),
			"subsidy-deadline-reminder", Duration.ofDays(1));

	/** Jobs a second run in the same slot cannot harm (none at present). */
	static final Set<String> MAY_RUN_AGAIN = Set.of();

	@Autowired
	ApplicationContext context;

	@Autowired
	ExtendedLockConfigurationExtractor extractor;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_scheduled_job_takes_a_lock_held_for_most_of_its_interval() {
		Map<String, LockConfiguration> locks = scheduledJobLocks();
		assertThat(locks.keySet()).as("every @Scheduled job of Kennin, each with a lock")
			.containsExactlyInAnyOrderElementsOf(JOBS.keySet());
		locks.forEach((name, lock) -> {
			Duration interval = JOBS.get(name);
			if (MAY_RUN_AGAIN.contains(name)) {
				assertThat(lock.getLockAtLeastFor()).as(name).isZero();
				return;
			}
			assertThat(lock.getLockAtLeastFor()).as(name + ": held until shortly before the next slot")
				.isLessThan(interval)
				.isGreaterThanOrEqualTo(interval.multipliedBy(8).dividedBy(10));
			assertThat(lock.getLockAtMostFor()).as(name).isGreaterThanOrEqualTo(lock.getLockAtLeastFor());
		});
	}

	@Test
	void a_second_node_whose_trigger_fires_a_moment_later_skips_the_slot() {
		LockingTaskExecutor node1 = node();
		LockingTaskExecutor node2 = node();
		scheduledJobLocks().forEach((name, lock) -> {
			if (MAY_RUN_AGAIN.contains(name)) {
				return;
			}
			// A lock name of its own, so that this context's running scheduler does not
			// interfere; durations as configured.
			LockConfiguration slot = new LockConfiguration(ClockProvider.now(), name + "-" + UUID.randomUUID(),
					lock.getLockAtMostFor(), lock.getLockAtLeastFor());
			AtomicInteger runs = new AtomicInteger();
			node1.executeWithLock((Runnable) runs::incrementAndGet, slot);
			node2.executeWithLock((Runnable) runs::incrementAndGet, slot);
			node1.executeWithLock((Runnable) runs::incrementAndGet, slot);
			assertThat(runs).as(name + " ran once in its slot").hasValue(1);

			// Free again before the next slot: held for lockAtLeastFor, as the
			// database counts.
			Map<String, Object> row = jdbc.sql("select locked_at, lock_until from shedlock where name = ?")
				.param(slot.getName())
				.query()
				.singleRow();
			Duration held = Duration.between(((Timestamp) row.get("locked_at")).toInstant(),
					((Timestamp) row.get("lock_until")).toInstant());
			assertThat(held).as(name).isEqualTo(lock.getLockAtLeastFor()).isLessThan(JOBS.get(name));
		});
	}

	@Test
	void without_lock_at_least_for_the_second_node_runs_the_job_again() {
		// The failure found: the lock alone (released when the job ends) lets the second
		// node's trigger run the job a second time in the same slot.
		LockConfiguration released = new LockConfiguration(ClockProvider.now(), "released-" + UUID.randomUUID(),
				Duration.ofMinutes(10), Duration.ZERO);
		AtomicInteger runs = new AtomicInteger();
		node().executeWithLock((Runnable) runs::incrementAndGet, released);
		node().executeWithLock((Runnable) runs::incrementAndGet, released);
		assertThat(runs).hasValue(2);
	}

	@Test
	void spring_sessions_own_unlocked_clean_up_is_off() {
		JdbcIndexedSessionRepository sessions = context.getBean(JdbcIndexedSessionRepository.class);
		assertThat(ReflectionTestUtils.getField(sessions, "taskScheduler")).as("Spring Session's clean-up thread")
			.isNull();
		assertThat(scheduledJobLocks()).containsKey("session-cleanup");
	}

	/**
	 * The lock of every {@code @Scheduled} or {@code @SchedulerLock} method of Kennin's
	 * beans, as ShedLock's proxy reads it when the method is called.
	 */
	private Map<String, LockConfiguration> scheduledJobLocks() {
		Map<String, LockConfiguration> locks = new LinkedHashMap<>();
		for (String beanName : context.getBeanDefinitionNames()) {
			Class<?> type = context.getType(beanName);
			if (type == null || !type.getName().startsWith("jp.kennin.")) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			ReflectionUtils.doWithMethods(userClass, method -> {
				Object bean = context.getBean(beanName);
				assertThat(method.isAnnotationPresent(SchedulerLock.class)).as(method + " has a @SchedulerLock")
					.isTrue();
				assertThat(AopUtils.isAopProxy(bean)).as(beanName + " is proxied, so the lock applies").isTrue();
				LockConfiguration lock = lockOf(bean, method);
				locks.put(lock.getName(), lock);
			}, method -> method.isAnnotationPresent(Scheduled.class)
					|| method.isAnnotationPresent(SchedulerLock.class));
		}
		return locks;
	}

	private LockConfiguration lockOf(Object bean, Method method) {
		return extractor.getLockConfiguration(AopUtils.getTargetClass(bean), method, new Object[0])
			.orElseThrow(() -> new AssertionError(method + " has no lock"));
	}

	private LockingTaskExecutor node() {
		return new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build()));
	}

}
