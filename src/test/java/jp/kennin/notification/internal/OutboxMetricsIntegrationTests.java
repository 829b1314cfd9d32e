package jp.kennin.notification.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.KenninProperties;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.FakeSmtp;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestPostgres;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The {@code kennin.mail.outbox} gauges as an operator's alert sees them (issue 16 item
 * 3: a failed mail is visible as a metric): a queued mail makes {@code pending} 1, its
 * delivery 0 again, a permanent refusal {@code failed} 1; read from the registry and from
 * {@code /actuator/prometheus}, which Prometheus scrapes.
 */
@KenninIntegrationTest
@TestPropertySource(properties = {
		// A database of its own: the gauges count the whole outbox, so no other test's
		// mails may be in it, and no scheduled dispatcher may send these.
		"spring.datasource.url=jdbc:h2:mem:kennin-outbox-metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"kennin.scheduling.enabled=false" })
class OutboxMetricsIntegrationTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		if (TestPostgres.selected()) {
			registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrlWithOwnSchema("metrics"));
		}
	}

	@Autowired
	MeterRegistry registry;

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailer mailer;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcMailBounces bounces;

	@Autowired
	JdbcMailThrottles throttles;

	@Autowired
	KenninProperties properties;

	@Autowired
	Tenants tenants;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	@BeforeEach
	void emptyOutbox() {
		clock.setInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		tenant = TestTenants.create(tenants, "メトリクス健保");
		jdbc.sql("delete from mail_outbox").update();
	}

	@AfterEach
	void clear() {
		clock.reset();
	}

	@Test
	void a_queued_mail_counts_as_pending_until_sent_and_a_refused_one_as_failed() throws Exception {
		assertThat(gauge("pending")).isZero();
		assertThat(gauge("failed")).isZero();
		assertThat(scraped("pending")).isEqualTo("0.0");

		try (FakeSmtp server = new FakeSmtp()) {
			server.refuse(to -> to.startsWith("bounce-"));
			tx.execute(s -> mailer.enqueue(mail("member-" + UUID.randomUUID() + "@example.jp")));
			assertThat(gauge("pending")).isEqualTo(1.0);
			assertThat(scraped("pending")).isEqualTo("1.0");

			OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, bounces, throttles,
					Optional.of(TestSmtpTransports.to(server.port(), properties)), properties, clock, "node-a");
			dispatcher.dispatchDue();
			assertThat(server.accepted()).hasSize(1);
			assertThat(gauge("pending")).isZero();
			assertThat(scraped("pending")).isEqualTo("0.0");
			assertThat(scraped("failed")).isEqualTo("0.0");

			// A 550: FAILED at once, no retries, and the alert sees it.
			tx.execute(s -> mailer.enqueue(mail("bounce-" + UUID.randomUUID() + "@example.jp")));
			dispatcher.dispatchDue();
			assertThat(gauge("pending")).isZero();
			assertThat(gauge("failed")).isEqualTo(1.0);
			assertThat(scraped("failed")).isEqualTo("1.0");
			assertThat(scraped("pending")).isEqualTo("0.0");
		}
	}

	private double gauge(String status) {
		return registry.get("kennin.mail.outbox").tag("status", status).gauge().value();
	}

	/** The sample's value as Prometheus reads it, e.g. {@code 1.0}. */
	private String scraped(String status) throws Exception {
		String body = mvc.perform(get("/actuator/prometheus").with(TestStaff.operator()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String prefix = "kennin_mail_outbox{status=\"" + status + "\"} ";
		return body.lines()
			.filter(line -> line.startsWith(prefix))
			.map(line -> line.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + prefix + " in:\n" + body));
	}

	private OutgoingMail mail(String to) {
		return new OutgoingMail(tenant.id(), "kenpo@kennin.example", "検認", to, "件名", "本文");
	}

}
