package jp.kennin.notification.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.KenninProperties;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.FakeSmtp;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestPostgres;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the outbox delivers to a local SMTP sink ({@link FakeSmtp}), side by side with
 * the same SMTP transport sending the same mails straight from memory (no outbox: no
 * claim, no status update, no bounce bookkeeping). The ratio is what the outbox's
 * durability costs. The tenant's throttle is off for the run, so the figure is the
 * ceiling a throttle is set below. Run on PostgreSQL with
 * {@code KENNIN_TEST_POSTGRES=required} (see docs/benchmarks.md); figures go to
 * {@code target/benchmark/outbox.txt}.
 */
@KenninIntegrationTest
@TestPropertySource(
		properties = { "spring.datasource.url=jdbc:h2:mem:kennin-outbox-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "kennin.scheduling.enabled=false" })
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class OutboxDeliveryBenchmark {

	private static final int MAILS = Integer.getInteger("kennin.benchmark.mails", 3000);

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		if (TestPostgres.selected()) {
			registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrlWithOwnSchema("outboxbench"));
		}
	}

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

	@Test
	void delivers_to_a_local_smtp_sink() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "配信速度健保");
		tx.executeWithoutResult(s -> throttles.setPerMinute(tenant.id(), 0));
		try (FakeSmtp sink = new FakeSmtp()) {
			MailTransport transport = TestSmtpTransports.to(sink.port(), properties);
			// Warm-up: connections, JIT, statement caches.
			queue(tenant, 200, "warm");
			drain(transport);
			sendDirect(transport, 200, "warm-direct");

			long[] outboxMs = new long[3];
			long[] directMs = new long[3];
			for (int round = 0; round < 3; round++) {
				queue(tenant, MAILS, "r" + round);
				long t0 = System.nanoTime();
				int sent = drain(transport);
				outboxMs[round] = (System.nanoTime() - t0) / 1_000_000;
				assertThat(sent).isEqualTo(MAILS);
				long t1 = System.nanoTime();
				sendDirect(transport, MAILS, "d" + round);
				directMs[round] = (System.nanoTime() - t1) / 1_000_000;
			}
			assertThat(sink.delivered()).isEqualTo(200L + 200L + 6L * MAILS);
			report(outboxMs, directMs);
		}
	}

	private void queue(Tenant tenant, int n, String run) {
		List<OutgoingMail> mails = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			mails.add(new OutgoingMail(tenant.id(), "kenpo@kennin.example", "配信速度健保", run + "-" + i + "@example.jp",
					"【配信速度健保】被扶養者資格調査のお願い", body(i)));
		}
		tx.executeWithoutResult(s -> mailer.enqueueAll(mails));
	}

	/** The dispatcher's runs until nothing is due, as the scheduled job calls it. */
	private int drain(MailTransport transport) {
		OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, bounces, throttles, Optional.of(transport),
				properties, clock, "bench-node");
		int sent = 0;
		while (true) {
			int n = dispatcher.dispatchDue();
			if (n == 0) {
				return sent;
			}
			sent += n;
		}
	}

	private void sendDirect(MailTransport transport, int n, String run) throws Exception {
		for (int i = 0; i < n; i++) {
			transport.send(new OutboxMail(i, "kenpo@kennin.example", "配信速度健保", run + "-" + i + "@example.jp",
					"【配信速度健保】被扶養者資格調査のお願い", body(i), 0, Instant.now()));
		}
	}

	private static String body(int i) {
		return "被保険者 " + i + " 様\n\n2026年度 被扶養者資格調査を始めました。回答期限は 2026年9月17日(木) 23:59 です。\n"
				+ "https://kennin.example/login\n\nお問い合わせ窓口：03-0000-0000（平日 9:00〜17:00）\n";
	}

	private void report(long[] outboxMs, long[] directMs) throws IOException {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "database: %s, batch size %d, %d mails per round%n",
				TestPostgres.selected() ? "PostgreSQL" : "H2 embedded", properties.mail().batchSize(), MAILS));
		out.append(String.format(Locale.ROOT, "%-8s %12s %10s %12s %10s %7s%n", "round", "outbox ms", "mails/s",
				"direct ms", "mails/s", "ratio"));
		for (int i = 0; i < outboxMs.length; i++) {
			out.append(String.format(Locale.ROOT, "%-8d %,12d %,10.0f %,12d %,10.0f %7.2f%n", i + 1, outboxMs[i],
					MAILS * 1000.0 / outboxMs[i], directMs[i], MAILS * 1000.0 / directMs[i],
					(double) directMs[i] / outboxMs[i]));
		}
		System.out.print(out);
		Path file = Path.of("target", "benchmark", "outbox.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out, StandardCharsets.UTF_8);
	}

}
