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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no trusted proxy configured (the default), every visitor talks to Kennin directly:
 * whatever X-Forwarded-* or Forwarded headers it sends are ignored.
 */
@KenninIntegrationTest
class ForwardedHeadersIntegrationTests {

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
	void a_forged_x_forwarded_for_changes_neither_the_audited_address_nor_the_throttle_key() throws Exception {
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "203.0.113.50")).isEqualTo("127.0.0.1");
		assertThat(probe.loginFailuresCountedFor("203.0.113.50")).isZero();
		assertThat(probe.auditedAddressOfFailedLogin("X-Forwarded-For", "<script>x</script>", "X-Real-IP",
				"203.0.113.51", "Forwarded", "for=203.0.113.52"))
			.isEqualTo("127.0.0.1");
		assertThat(probe.loginFailuresCountedFor("<script>x</script>")).isZero();
		assertThat(probe.loginFailuresCountedFor("203.0.113.52")).isZero();
		assertThat(probe.loginFailuresCountedFor("127.0.0.1")).isPositive();
	}

	@Test
	void a_forged_forwarded_host_or_proto_does_not_change_redirects() throws Exception {
		HttpResponse<String> response = new HttpVisitor(port).get("/home", "X-Forwarded-Host", "evil.example",
				"X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443", "Forwarded", "host=evil.example;proto=https");
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).doesNotContain("evil.example").doesNotStartWith("https:").doesNotContain("8443");
		assertThat(location).endsWith("/login");
	}

	@Test
	void a_forged_forwarded_proto_does_not_make_the_request_secure() throws Exception {
		HttpResponse<String> response = new HttpVisitor(port).get("/login", "X-Forwarded-Proto", "https");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("KENNIN_SESSION=").doesNotContainIgnoringCase("Secure"));
	}

}
