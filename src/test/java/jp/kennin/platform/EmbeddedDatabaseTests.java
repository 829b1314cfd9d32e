package jp.kennin.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.KenninApplication;
import jp.kennin.test.TestPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded H2 file database exactly as a first start creates it (the URL of
 * application.yml, a new data directory, the migrations run on a pool connection). H2
 * only: the PostgreSQL run has no such setup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseTests {

	private Path dataDir;

	private ConfigurableApplicationContext app;

	@BeforeAll
	void firstStart(@TempDir Path dir) {
		assumeFalse(TestPostgres.selected(), "the embedded H2 database only");
		dataDir = dir;
		app = new SpringApplicationBuilder(KenninApplication.class).run("--kennin.data-dir=" + dataDir,
				"--server.port=0", "--kennin.demo.enabled=false", "--kennin.scheduling.enabled=false",
				"--logging.level.root=warn");
	}

	@AfterAll
	void stop() {
		if (app != null) {
			app.close();
		}
	}

	/**
	 * H2 2.4.240 kept the session that created a CHECK ... IN (...) constraint inside the
	 * constraint; once the pool retired the connection that ran the migrations (after
	 * max-lifetime, 30 minutes), every insert into such a table failed with "Check
	 * constraint invalid ... The database has been closed" until a restart.
	 */
	@Test
	void writes_still_work_after_the_pool_has_retired_the_connection_that_ran_the_migrations() throws Exception {
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		JdbcClient jdbc = JdbcClient.create(pool);
		// Hikari retires connections one at a time, so the database itself stays open
		// meanwhile (were the
		// last connection closed, H2 would close and reopen the database, which hides the
		// failure).
		try (Connection keepsDatabaseOpen = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword())) {
			Timestamp evicted = jdbc.sql("select current_timestamp").query(Timestamp.class).single();
			pool.getHikariPoolMXBean().softEvictConnections();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> sessionsOpenedBefore(keepsDatabaseOpen, evicted) <= 1);
			assertThat(sessionsOpenedBefore(keepsDatabaseOpen, evicted))
				.as("sessions open from before the eviction, besides the one keeping the database open")
				.isOne();

			Timestamp now = Timestamp.from(Instant.now());
			int inserted = jdbc.sql("""
					insert into mail_outbox (from_address, from_name, to_address, subject, body, status,
					next_attempt_at, created_at)
					values ('a@example.jp', 'Kennin', 'b@example.jp', 'subject', 'body', 'PENDING', ?, ?)""")
				.params(now, now)
				.update();
			assertThat(inserted).isOne();
			assertThat(jdbc.sql("update mail_outbox set status = 'SENT' where status = 'PENDING'").update()).isOne();
		}
	}

	/**
	 * The embedded database is reachable only from this process: no TCP server (H2's
	 * AUTO_SERVER) at all.
	 */
	@Test
	void the_embedded_database_opens_no_network_listener() throws Exception {
		HikariDataSource pool = app.getBean(HikariDataSource.class);
		assertThat(JdbcClient.create(pool).sql("select count(*) from tenant").query(Integer.class).single())
			.isNotNull();
		Path lock = dataDir.resolve("db/kennin.lock.db");
		if (Files.exists(lock)) {
			Properties content = new Properties();
			try (var in = Files.newInputStream(lock)) {
				content.load(in);
			}
			assertThat(content.getProperty("server")).as("server advertised in " + lock).isNull();
		}
		assertThat(pool.getJdbcUrl()).doesNotContainIgnoringCase("AUTO_SERVER");
	}

	private static int sessionsOpenedBefore(Connection connection, Timestamp at) throws SQLException {
		try (PreparedStatement count = connection
			.prepareStatement("select count(*) from information_schema.sessions where session_start < ?")) {
			count.setTimestamp(1, at);
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

}
