package jp.kennin.notification.internal;

import org.springframework.mail.MailSendException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.notification.MailBounced;
import jp.kennin.notification.MailBounces;
import jp.kennin.notification.MailDeliveries;
import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.platform.KenninProperties;
import jp.kennin.platform.StaffActor;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox on a cluster and through outages (issue 16 items 2 and 3, issue 13 throttle
 * and bounces). Two dispatchers with node names of their own share one database, as on
 * two servers; the test drives them by hand (scheduling is off in this context) and moves
 * the clock instead of waiting.
 */
@KenninIntegrationTest
@TestPropertySource(properties = {
		// A database of its own: no other context's dispatcher may take these mails.
		"spring.datasource.url=jdbc:h2:mem:kennin-outbox-claims;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"kennin.scheduling.enabled=false" })
@RecordApplicationEvents
class OutboxClaimsIntegrationTests {

	/**
	 * On PostgreSQL a schema of its own, for the same reason as the H2 database above.
	 */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		if (TestPostgres.selected()) {
			registry.add("spring.datasource.url", () -> TestPostgres.jdbcUrlWithOwnSchema("claims"));
		}
	}

	@Autowired
	Mailer mailer;

	@Autowired
	MailOutbox outbox;

	@Autowired
	JdbcMailBounces bounces;

	@Autowired
	MailBounces bouncesApi;

	@Autowired
	MailDeliveries deliveries;

	@Autowired
	JdbcMailThrottles throttles;

	@Autowired
	FailedMails failedMails;

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

	@Autowired
	ApplicationEvents events;

	Tenant tenant;

	@BeforeEach
	void freeze() {
		clock.setInstant(Instant.now().truncatedTo(ChronoUnit.MILLIS));
		tenant = TestTenants.create(tenants, "送信テスト健保");
	}

	@AfterEach
	void clear() {
		// Nothing left pending for the next test's dispatchers.
		jdbc.sql("update mail_outbox set status = 'SUPERSEDED' where status = 'PENDING'").update();
		clock.reset();
	}

	@Test
	void a_node_that_dies_mid_batch_leaves_its_mails_to_another_node_within_the_lease_and_none_is_sent_twice() {
		List<Long> ids = queue(5, null);
		Recording sentByA = new Recording();
		// Node A hands one mail to the server and dies while sending the second.
		OutboxDispatcher a = dispatcher("node-a", mail -> {
			if (!sentByA.sent.isEmpty()) {
				throw new NodeDied();
			}
			sentByA.send(mail);
		});
		assertThatThrownBy(a::dispatchDue).isInstanceOf(NodeDied.class);
		assertThat(status(ids.get(0))).isEqualTo("SENT");

		Recording sentByB = new Recording();
		OutboxDispatcher b = dispatcher("node-b", sentByB);
		assertThat(b.dispatchDue()).as("A's claims still hold").isZero();

		clock.advance(properties.mail().claimLease().plusSeconds(1));
		assertThat(b.dispatchDue()).as("within the lease (15 s) B takes the rest").isEqualTo(4);

		List<Long> all = new ArrayList<>(sentByA.sent);
		all.addAll(sentByB.sent);
		assertThat(all).as("each mail sent exactly once").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
	}

	@Test
	void a_live_node_keeps_its_claims_while_it_waits_on_a_slow_server() {
		List<Long> ids = queue(2, null);
		assertThat(outbox.claim("node-slow", 10, properties.mail().claimLease(), List.of())).hasSize(2);
		Recording other = new Recording();
		OutboxDispatcher b = dispatcher("node-b", other);
		OutboxDispatcher slow = dispatcher("node-slow", new Recording());
		for (int i = 0; i < 4; i++) {
			clock.advance(Duration.ofSeconds(5));
			slow.renewClaims();
			b.dispatchDue();
		}
		assertThat(other.sent).as("20 s later the live node still holds them").isEmpty();
		clock.advance(properties.mail().claimLease().plusSeconds(1));
		b.dispatchDue();
		assertThat(other.sent).containsExactlyElementsOf(ids);
	}

	@Test
	void when_the_server_is_back_every_mail_that_waited_goes_out_at_once() throws Exception {
		List<Long> ids = queue(3, null);
		Toggle smtp = new Toggle();
		OutboxDispatcher a = dispatcher("node-a", smtp);
		// Ten minutes of outage, a run every 5 s.
		for (int i = 0; i < 120; i++) {
			a.dispatchDue();
			clock.advance(Duration.ofSeconds(5));
		}
		for (long id : ids) {
			Map<String, Object> row = jdbc
				.sql("select status, attempts, server_failure, next_attempt_at from mail_outbox where id = ?")
				.param(id)
				.query()
				.singleRow();
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat((Integer) row.get("attempts")).isBetween(2, properties.mail().maxAttempts() - 1);
			assertThat(row.get("server_failure")).isEqualTo(true);
		}
		assertThat(smtp.up.sent).isEmpty();
		// As after hours of outage: each mail's own backoff has reached its cap.
		jdbc.sql("update mail_outbox set next_attempt_at = ? where id in (:ids)".replace("(:ids)",
				ids.toString().replace('[', '(').replace(']', ')')))
			.param(Timestamp.from(clock.instant().plus(Duration.ofHours(1))))
			.update();

		smtp.down = false;
		// Within one probe interval (30 s), not after each mail's backoff: one mail is
		// tried,
		// goes through, and the others follow in the same run.
		clock.advance(properties.mail().probeInterval());
		assertThat(a.dispatchDue()).isEqualTo(3);
		assertThat(smtp.up.sent).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void a_code_past_its_validity_is_not_sent_and_neither_is_a_replaced_one() {
		Instant now = clock.instant();
		String key = "code:" + UUID.randomUUID();
		long late = enqueue(mail("late").notAfter(now.plus(Duration.ofMinutes(1))));
		long replaced = enqueue(mail("replaced").notAfter(now.plus(Duration.ofMinutes(10))).supersedes(key));
		long current = enqueue(mail("current").notAfter(now.plus(Duration.ofMinutes(10))).supersedes(key));
		assertThat(status(replaced)).isEqualTo("SUPERSEDED");
		assertThat(deliveries.latest(tenant.id(), key)).map(MailDeliveries.Delivery::state)
			.contains(MailDeliveries.State.PENDING);

		clock.advance(Duration.ofMinutes(2));
		Recording smtp = new Recording();
		dispatcher("node-a", smtp).dispatchDue();
		assertThat(smtp.sent).containsExactly(current);
		assertThat(status(late)).isEqualTo("EXPIRED");
		assertThat(deliveries.latest(tenant.id(), key)).map(MailDeliveries.Delivery::state)
			.contains(MailDeliveries.State.SENT);
	}

	@Test
	void a_tenant_gets_its_mails_per_minute_across_nodes_and_others_are_not_held_up() {
		tx.executeWithoutResult(s -> throttles.setPerMinute(tenant.id(), 3));
		Tenant other = TestTenants.create(tenants, "制限なし健保");
		List<Long> limited = queue(5, null);
		List<Long> free = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			free.add(enqueue(new OutgoingMail(other.id(), "kenpo@kennin.example", "検認", unique(), "件名", "本文")));
		}
		Recording onA = new Recording();
		Recording onB = new Recording();
		OutboxDispatcher a = dispatcher("node-a", onA);
		OutboxDispatcher b = dispatcher("node-b", onB);
		a.dispatchDue();
		b.dispatchDue();
		assertThat(onA.sent).containsExactlyInAnyOrderElementsOf(concat(limited.subList(0, 3), free));
		assertThat(onB.sent).as("node B counts what A sent").isEmpty();

		clock.advance(Duration.ofSeconds(61));
		b.dispatchDue();
		assertThat(onB.sent).containsExactlyElementsOf(limited.subList(3, 5));
	}

	@Test
	void a_permanent_refusal_marks_the_address_bouncing_until_a_mail_to_it_goes_through() throws IOException {
		try (FakeSmtp server = new FakeSmtp()) {
			server.refuse(to -> to.startsWith("bounce-"));
			String address = "bounce-" + UUID.randomUUID() + "@example.jp";
			long id = enqueue(new OutgoingMail(tenant.id(), "kenpo@kennin.example", "検認", address, "件名", "本文"));
			OutboxDispatcher a = dispatcher("node-a", TestSmtpTransports.to(server.port(), properties));
			a.dispatchDue();

			Map<String, Object> row = jdbc.sql("select status, attempts, last_error from mail_outbox where id = ?")
				.param(id)
				.query()
				.singleRow();
			assertThat(row.get("status")).as("no retry after a 5xx").isEqualTo("FAILED");
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat((String) row.get("last_error")).startsWith("550");
			assertThat(bouncesApi.isBouncing(tenant.id(), address.toUpperCase())).isTrue();
			assertThat(bouncesApi.bouncing(tenant.id(), List.of(address, "other@example.jp"))).containsOnlyKeys(address)
				.extractingByKey(address)
				.satisfies(b -> assertThat(b.smtpReply()).contains("550 5.1.1"));
			assertThat(events.stream(MailBounced.class)).containsExactly(new MailBounced(tenant.id(), id));
			assertThat(failedMails.list(operator())).anySatisfy(f -> {
				assertThat(f.id()).isEqualTo(id);
				assertThat(f.maskedTo()).startsWith("bo****@example.jp");
			});

			// The member fixed the mailbox; the operator sends the mail again.
			server.refuse(to -> false);
			Boolean retried = tx.execute(s -> failedMails.retry(operator(), id));
			assertThat(retried).isTrue();
			a.dispatchDue();
			assertThat(status(id)).isEqualTo("SENT");
			assertThat(server.accepted()).contains(address);
			assertThat(bouncesApi.isBouncing(tenant.id(), address)).isFalse();
			assertThat(jdbc.sql("select count(*) from audit_event where type = 'MAIL_RETRIED' and target = ?")
				.param("mail:" + id)
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void a_temporary_refusal_is_retried_and_does_not_bounce() {
		long id = enqueue(mail("temporary"));
		dispatcher("node-a", mail -> {
			throw new MailSendException("451 try later");
		}).dispatchDue();
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(bouncesApi.isBouncing(tenant.id(), "x@example.jp")).isFalse();
	}

	private static StaffActor operator() {
		return new StaffActor("op-outbox", StaffActor.OPERATOR, null);
	}

	private OutboxDispatcher dispatcher(String node, MailTransport transport) {
		return new OutboxDispatcher(outbox, bounces, throttles, Optional.of(transport), properties, clock, node);
	}

	private List<Long> queue(int n, String key) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ids.add(enqueue(mail("mail " + i)));
		}
		return ids;
	}

	private OutgoingMail mail(String subject) {
		return new OutgoingMail(tenant.id(), "kenpo@kennin.example", "検認", unique(), subject, "本文");
	}

	private long enqueue(OutgoingMail mail) {
		return tx.execute(s -> mailer.enqueue(mail));
	}

	private String status(long id) {
		return jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single();
	}

	private static String unique() {
		return "outbox-" + UUID.randomUUID() + "@example.jp";
	}

	private static List<Long> concat(List<Long> a, List<Long> b) {
		List<Long> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

	/** Stands for the JVM going away: not an Exception, so nothing records a failure. */
	static final class NodeDied extends Error {

	}

	static class Recording implements MailTransport {

		final List<Long> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(OutboxMail mail) {
			sent.add(mail.id());
		}

	}

	/** A real SMTP client against a closed port while {@code down}, then a recording. */
	final class Toggle implements MailTransport {

		volatile boolean down = true;

		final Recording up = new Recording();

		private final MailTransport closed;

		Toggle() throws IOException {
			int port;
			try (ServerSocket s = new ServerSocket(0)) {
				port = s.getLocalPort();
			}
			this.closed = TestSmtpTransports.to(port, properties);
		}

		@Override
		public void send(OutboxMail mail) throws Exception {
			if (down) {
				closed.send(mail);
			}
			else {
				up.send(mail);
			}
		}

	}

}
