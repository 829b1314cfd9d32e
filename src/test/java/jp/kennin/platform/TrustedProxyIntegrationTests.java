package jp.kennin.platform;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.account.internal.Secrets;
import jp.kennin.audit.AuditLog;
import jp.kennin.test.HttpVisitor;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a configured reverse proxy (the test client plays it: it connects from
 * 127.0.0.1), the client address and the scheme come from the proxy's headers.
 */
@KenninIntegrationTest
@TestPropertySource(properties = "kennin.trusted-proxies=127.0.0.1, ::1")
class TrustedProxyIntegrationTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	AuditLog audit;

	@Autowired
	Secrets secrets;

	@Autowired
	JdbcClient jdbc;

	private ClientAddressProbe probe;

	@BeforeEach
	void setUp() {
		probe = new ClientAddressProbe(port, audit, secrets, jdbc);
	}

	@Test
	void the_client_address_from_the_proxy_is_audited_and_throttled() throws Exception {
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "198.51.100.23")).isEqualTo("198.51.100.23");
		assertThat(probe.loginFailuresCountedFor("198.51.100.23")).isOne();
	}

	@Test
	void what_the_client_wrote_in_front_of_the_proxy_entry_is_ignored() throws Exception {
		// nginx's $proxy_add_x_forwarded_for appends the real address to whatever the
		// client sent.
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "10.9.8.7, 198.51.100.24"))
			.isEqualTo("198.51.100.24");
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "<script>x</script>, 198.51.100.25"))
			.isEqualTo("198.51.100.25");
	}

	@Test
	void an_entry_that_is_no_address_is_never_taken_for_one() throws Exception {
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "<script>x</script>")).isEqualTo("127.0.0.1");
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "198.51.100.26, evil.example"))
			.isEqualTo("127.0.0.1");
	}

	@Test
	void https_at_the_proxy_gives_the_secure_cookie_and_hsts() throws Exception {
		HttpResponse<String> response = new HttpVisitor(port).get("/login", "X-Forwarded-Proto", "https",
				"X-Forwarded-For", "198.51.100.27");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("__Host-KENNIN_SESSION=")
				.contains("Secure")
				.contains("Path=/")
				.doesNotContain("Domain"));
	}

	@Test
	void error_pages_behind_an_https_proxy_send_hsts_too() throws Exception {
		HttpResponse<String> response = new HttpVisitor(port).get("/notices/987654321", "X-Forwarded-Proto", "https");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValue(SecurityBaseline.CONTENT_SECURITY_POLICY);
	}

	@Test
	void redirects_keep_the_public_scheme_and_host() throws Exception {
		HttpResponse<String> response = new HttpVisitor(port).get("/home", "X-Forwarded-Proto", "https",
				"X-Forwarded-Host", "kennin.example.jp");
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).satisfiesAnyOf(l -> assertThat(l).isEqualTo("/login"),
				l -> assertThat(l).isEqualTo("https://kennin.example.jp/login"));
	}

}
