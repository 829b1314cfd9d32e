package jp.kennin.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP server that accepts connections and never answers (issue 16, item 4: it held
 * the only scheduler thread, and for 80 s no scheduled job ran). The send attempt gives
 * up after the read timeout, the mail stays queued for a retry, and while the mail sender
 * is stuck the scheduler the other jobs share is free.
 */
@KenninIntegrationTest
@TestPropertySource(properties = {
		// A database of its own: the other test contexts of this JVM
		// (capturing mail) must not send this mail instead.
		"spring.datasource.url=jdbc:h2:mem:kennin-smtp-timeout;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.mail.host=127.0.0.1", "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
		"spring.mail.properties[mail.smtp.timeout]=4000", "spring.mail.properties[mail.smtp.writetimeout]=4000" })
// On PostgreSQL the test contexts share one database, so another context's
// outbox job could take this mail; the behaviour does not depend on the database.
@DisabledIfSystemProperty(named = "kennin.test.db", matches = "postgres")
class SmtpTimeoutIntegrationTests {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

	static final BlackHoleSmtp SMTP = new BlackHoleSmtp();

	@DynamicPropertySource
	static void smtpPort(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", SMTP::port);
	}

	@AfterAll
	static void close() throws IOException {
		SMTP.close();
	}

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	/** The scheduler every other job runs on. */
	@Autowired
	@Qualifier("taskScheduler")
	TaskScheduler jobs;

	@Autowired
	JavaMailSenderImpl sender;

	@Test
	void every_smtp_and_smtps_timeout_is_set() {
		// The test shortens the SMTP ones; the SMTPS ones are application.yml's defaults.
		assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.timeout", "4000")
			.containsEntry("mail.smtp.connectiontimeout", "2000")
			.containsEntry("mail.smtp.writetimeout", "4000")
			.containsEntry("mail.smtps.connectiontimeout", "10000")
			.containsEntry("mail.smtps.timeout", "30000")
			.containsEntry("mail.smtps.writetimeout", "30000");
	}

	@Test
	void a_server_that_never_answers_delays_only_that_mail_and_never_the_other_jobs() throws Exception {
		String subject = "応答しないSMTP " + UUID.randomUUID();
		tx.executeWithoutResult(s -> mailer.enqueue(new OutgoingMail(null, "kenpo@kennin.example", "検認",
				"smtp-timeout@example.jp", subject, "認証コード：333444")));

		Connection stuck = SMTP.connections.poll(20, TimeUnit.SECONDS);
		assertThat(stuck).as("the mail sender connected").isNotNull();

		// While the mail sender waits for a greeting that never comes, the other jobs'
		// scheduler still runs what is due.
		CompletableFuture<String> otherJob = new CompletableFuture<>();
		jobs.schedule(() -> otherJob.complete(Thread.currentThread().getName()), Instant.now());
		assertThat(otherJob.get(2, TimeUnit.SECONDS)).doesNotStartWith("mail-sender-");
		assertThat(stuck.closed).as("the mail sender is still waiting").isNotDone();

		// The sender gives up after the read timeout and closes the connection ...
		Instant closedAt = stuck.closed.get(READ_TIMEOUT.getSeconds() + 10, TimeUnit.SECONDS);
		assertThat(Duration.between(stuck.acceptedAt, closedAt)).isLessThan(READ_TIMEOUT.plusSeconds(3));
		// ... and keeps the mail for a retry.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> row = jdbc
				.sql("select status, attempts, last_error, next_attempt_at from mail_outbox where subject = ?")
				.param(subject)
				.query()
				.singleRow();
			assertThat(row.get("status")).isEqualTo("PENDING");
			assertThat(row.get("attempts")).isEqualTo(1);
			assertThat((String) row.get("last_error")).containsIgnoringCase("timed out");
		});
	}

	/** Accepts connections and never writes a byte, like a hung mail server. */
	static final class BlackHoleSmtp {

		final LinkedBlockingQueue<Connection> connections = new LinkedBlockingQueue<>();

		private final ServerSocket server;

		BlackHoleSmtp() {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(this::accept, "black-hole-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		void close() throws IOException {
			this.server.close();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					Connection connection = new Connection(Instant.now(), new CompletableFuture<>());
					this.connections.add(connection);
					Thread reader = new Thread(() -> drain(socket, connection), "black-hole-smtp-connection");
					reader.setDaemon(true);
					reader.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private static void drain(Socket socket, Connection connection) {
			try (socket; InputStream in = socket.getInputStream()) {
				while (in.read() != -1) {
					// never answer
				}
			}
			catch (IOException ex) {
				// closed by the client
			}
			connection.closed.complete(Instant.now());
		}

	}

	record Connection(Instant acceptedAt, CompletableFuture<Instant> closed) {
	}

}
