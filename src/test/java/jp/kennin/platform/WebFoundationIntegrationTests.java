package jp.kennin.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class WebFoundationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void home_page_is_japanese_and_sends_the_security_headers() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"ja\">")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("被扶養者資格調査 Webサービス")))
			.andExpect(header().string("Content-Security-Policy", SecurityBaseline.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andExpect(header().exists("X-Request-Id"));
	}

	@Test
	void policy_forbids_inline_script_and_style_and_framing() {
		assertThat(SecurityBaseline.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
			.contains("style-src 'self';")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
	}

	@Test
	void hsts_is_sent_over_https_only() throws Exception {
		mvc.perform(get("/").secure(true))
			.andExpect(header().string("Strict-Transport-Security",
					org.hamcrest.Matchers.containsString("max-age=31536000")));
		mvc.perform(get("/")).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void english_is_one_click_away_and_remembered() throws Exception {
		var result = mvc.perform(get("/").param("lang", "en"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"en\">")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Dependent eligibility survey online")))
			.andExpect(cookie().exists("KENNIN_LANG"))
			.andReturn();
		mvc.perform(get("/browsers").cookie(result.getResponse().getCookie("KENNIN_LANG")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Recommended browsers")));
	}

	@Test
	void an_unsupported_language_falls_back_to_japanese() throws Exception {
		mvc.perform(get("/").cookie(new jakarta.servlet.http.Cookie("KENNIN_LANG", "fr")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"ja\">")));
	}

	@Test
	void unknown_page_gets_the_japanese_404_page() throws Exception {
		HttpResponse<String> response = fetch("/notices/987654321");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("ページが見つかりません").contains("お問い合わせの際はこの番号");
	}

	@Test
	void a_failure_shows_the_japanese_500_page_without_internals() throws Exception {
		HttpResponse<String> response = fetch("/test-only/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("システムでエラーが発生しました")
			.doesNotContain("IllegalStateException")
			.doesNotContain("secret-internal-detail-4711")
			.doesNotContain("at jp.kennin");
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(response.body()).contains(requestId);
	}

	@Test
	void a_post_without_csrf_token_is_refused() throws Exception {
		mvc.perform(post("/admin/login").param("loginId", "x").param("password", "y"))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
		HttpResponse<String> response = fetch("/admin/login");
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("KENNIN_SESSION="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
	}

	@Test
	void a_forged_request_id_is_replaced() throws Exception {
		mvc.perform(get("/").header("X-Request-Id", "evil\r\nInjected: yes"))
			.andExpect(header().string("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{16}")));
		mvc.perform(get("/").header("X-Request-Id", "proxy-id-123"))
			.andExpect(header().string("X-Request-Id", "proxy-id-123"));
	}

	@Test
	void health_probes_are_public_and_metrics_are_not() throws Exception {
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
	}

	@Test
	void static_assets_are_cacheable_and_pages_are_not() throws Exception {
		mvc.perform(get("/css/kennin.css")).andExpect(status().isOk());
	}

	private HttpResponse<String> fetch(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
