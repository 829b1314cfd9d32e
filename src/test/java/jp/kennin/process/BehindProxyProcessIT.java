package jp.kennin.process;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar as it runs behind a TLS-terminating reverse proxy (docs/deployment.md): an
 * {@code https://} base URL, the proxy at 127.0.0.1 trusted for its forwarded headers,
 * SMTP configured, and the actuator on a separate private port. One start serves all
 * tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BehindProxyProcessIT {

	@TempDir
	static Path folder;

	final int port = KenninJar.freePort();

	final int managementPort = KenninJar.freePort();

	KenninJar.Running server;

	@BeforeAll
	void start() {
		server = KenninJar.in(folder, "behind-proxy")
			.env("KENNIN_BASE_URL", "https://kennin.example.test")
			.env("KENNIN_DEMO_ENABLED", "false")
			// Nothing is mailed in these tests; the host only has to be configured, as in
			// production.
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.env("SPRING_MAIL_PORT", Integer.toString(KenninJar.freePort()))
			.args("--server.port=" + port, "--management.server.port=" + managementPort,
					"--kennin.trusted-proxies=127.0.0.1")
			.start();
		server.awaitOutput("Started KenninApplication", KenninJar.START_TIMEOUT);
	}

	@AfterAll
	void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void over_https_the_session_cookie_is_host_prefixed_secure_and_http_only_and_hsts_is_sent() {
		HttpResponse<String> login = KenninJar.get(main("/login"), "X-Forwarded-Proto", "https");
		assertThat(login.statusCode()).isEqualTo(200);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).as("Set-Cookie").anySatisfy(cookie -> {
			assertThat(cookie).startsWith("__Host-KENNIN_SESSION=");
			List<String> attributes = List.of(cookie.split(";\\s*"));
			assertThat(attributes).contains("Secure", "HttpOnly", "Path=/").noneMatch(a -> a.startsWith("Domain="));
		});
		assertThat(cookies).noneMatch(cookie -> cookie.startsWith("KENNIN_SESSION="));
		assertThat(login.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
	}

	@Test
	void health_and_metrics_answer_on_the_management_port_without_a_login() {
		HttpResponse<String> readiness = KenninJar.get(management("/actuator/health/readiness"));
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> prometheus = KenninJar.get(management("/actuator/prometheus"));
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void the_main_port_serves_no_actuator_endpoint() {
		assertThat(KenninJar.get(main("/actuator/health/readiness")).statusCode()).isEqualTo(404);
		assertThat(KenninJar.get(main("/actuator/health")).statusCode()).isEqualTo(404);
		// Not public there: the staff chain sends an anonymous visitor to the staff
		// login, as docs/configuration.md says.
		HttpResponse<String> prometheus = KenninJar.get(main("/actuator/prometheus"));
		assertThat(prometheus.statusCode()).isEqualTo(302);
		assertThat(prometheus.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
		assertThat(prometheus.body()).doesNotContain("jvm_memory_used_bytes");
	}

	private String main(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private String management(String path) {
		return "http://127.0.0.1:" + managementPort + path;
	}

}
