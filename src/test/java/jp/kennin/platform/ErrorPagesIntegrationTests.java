package jp.kennin.platform;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kennin.test.HttpVisitor;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a visitor can provoke gets Kennin's own page, with the security headers and
 * a request ID to quote, never a Whitelabel or bare Tomcat page. Over real HTTP: MockMvc
 * skips Tomcat and its error handling, where most of these are decided.
 */
@KenninIntegrationTest
class ErrorPagesIntegrationTests {

	@Value("${local.server.port}")
	int port;

	/**
	 * Refused by Spring Security's firewall ({@code //}, {@code ;}, {@code %2e},
	 * {@code %25}) or by Tomcat itself.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "//admin/login", "/admin;x=1/login", "/%2e/admin/login", "/%25", "/a%2Fb",
			"/..;/admin/login", "/a\\b", "/%2e%2e/etc/passwd", "/login%00", "/admin/%2e%2e/login" })
	void a_rejected_address_gets_the_400_page_with_the_security_headers(String path) throws Exception {
		RawResponse response = RawResponse.parse(new HttpVisitor(port).raw("GET", path));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("<html lang=\"ja\"").contains("このアドレスは正しくありません");
		assertKenninErrorPage(response);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /notices/987654321, 404, ページが見つかりません", "GET, /test-only/boom, 500, システムでエラーが発生しました",
			"TRACE, /login, 405, リクエストを処理できませんでした", "GET, /notices/not-a-number, 400, このアドレスは正しくありません" })
	void every_status_rendered_through_the_error_page_has_the_security_headers(String method, String path, int status,
			String text) throws Exception {
		RawResponse response = RawResponse.parse(new HttpVisitor(port).raw(method, path));
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.body()).contains(text);
		assertKenninErrorPage(response);
	}

	private static void assertKenninErrorPage(RawResponse response) {
		assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Tomcat").doesNotContain("HTTP Status");
		assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityBaseline.CONTENT_SECURITY_POLICY);
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{16}");
		assertThat(response.body()).contains(response.header("X-Request-Id"));
	}

	record RawResponse(int status, Map<String, String> headers, String body) {

		static RawResponse parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.putIfAbsent(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
			}
			return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
		}

		String header(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

	}

}
