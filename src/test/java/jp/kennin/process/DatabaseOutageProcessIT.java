package jp.kennin.process;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 item 5: the database goes away under a running node (its connections cut, new
 * ones refused, through a {@link TcpProxy} the test controls). Pages that need the
 * database answer with Kennin's own Japanese error page with a request ID, not Tomcat's
 * bare "HTTP Status 500"; readiness says DOWN so the proxy stops sending traffic; once
 * the database is back the node is ready again without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageProcessIT {

	static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@TempDir
	static Path folder;

	final int port = KenninJar.freePort();

	final int managementPort = KenninJar.freePort();

	ProcessPostgres pg;

	TcpProxy database;

	KenninJar.Running server;

	@BeforeAll
	void start() {
		pg = ProcessPostgres.create();
		URI target = URI.create(TestPostgres.URL.substring("jdbc:".length()));
		database = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort()).open();
		String url = TestPostgres.URL.replace(target.getHost() + ":" + target.getPort(),
				"127.0.0.1:" + database.port());
		server = KenninJar.in(folder, "database-outage")
			.env("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + pg.schema)
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			// Short waits for a connection, so the test does not sit out Hikari's 30 s.
			.env("SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2000")
			.env("KENNIN_SECRET_KEY", PostgresProcessIT.SECRET_KEY)
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.env("SPRING_MAIL_PORT", Integer.toString(KenninJar.freePort()))
			.args("--server.port=" + port, "--management.server.port=" + managementPort)
			.start();
		// Twice the usual start timeout: this start also migrates an empty schema.
		server.awaitOutput("Started KenninApplication", KenninJar.START_TIMEOUT.multipliedBy(2));
	}

	@AfterAll
	void stop() {
		if (server != null) {
			server.close();
		}
		if (database != null) {
			database.close();
		}
		if (pg != null) {
			pg.close();
		}
	}

	@Test
	void without_the_database_pages_are_kennins_japanese_error_page_and_readiness_is_down() {
		assertThat(readiness().statusCode()).isEqualTo(200);
		HttpResponse<String> login = KenninJar.get(main("/login"));
		assertThat(login.statusCode()).isEqualTo(200);
		String cookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("KENNIN_SESSION="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();

		database.close();
		try {
			// A visitor with a session (loaded from the database by Spring Session) and
			// one
			// without, on a page that reads the database.
			// As a browser asks (Accept: text/html; without it Boot answers JSON).
			assertKenninErrorPage(KenninJar.get(main("/login"), "Cookie", cookie, "Accept", HTML));
			assertKenninErrorPage(KenninJar.get(main("/tenants/nosuch/manual"), "Accept", HTML));

			HttpResponse<String> down = readiness();
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.body()).contains("\"status\":\"DOWN\"");
			assertThat(KenninJar.get(management("/actuator/health/liveness")).statusCode())
				.as("liveness: a restart would not bring the database back")
				.isEqualTo(200);
		}
		finally {
			database.open();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(readiness().statusCode()).isEqualTo(200));
		assertThat(KenninJar.get(main("/login"), "Cookie", cookie).statusCode()).isEqualTo(200);
	}

	private void assertKenninErrorPage(HttpResponse<String> page) {
		assertThat(page.statusCode()).isGreaterThanOrEqualTo(500);
		assertThat(page.body()).as(page.body())
			.doesNotContain("HTTP Status")
			.doesNotContain("Apache Tomcat")
			.contains("<html lang=\"ja\"")
			// The page of the error template (layout, heading for a 500), not only the
			// last-resort page of the error report valve.
			.contains("申し訳ありません。システムでエラーが発生しました")
			.contains("本文へ移動")
			.contains("お問い合わせ窓口");
		String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(page.body()).contains("お問い合わせの際はこの番号をお伝えください：" + requestId);
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
	}

	private HttpResponse<String> readiness() {
		return KenninJar.get(management("/actuator/health/readiness"));
	}

	private String main(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private String management(String path) {
		return "http://127.0.0.1:" + managementPort + path;
	}

}
