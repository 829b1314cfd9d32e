package jp.kennin.document;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server (Tomcat's multipart limit, the CSRF filter): a file beyond
 * spring.servlet.multipart.max-file-size never reaches the controller, yet the member
 * gets the same size message instead of a 403 or an error page.
 */
@KenninIntegrationTest
class OversizedUploadIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Test
	void a_file_over_the_server_limit_gets_the_size_message() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "大きい健康保険組合");
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;
		client.send(
				HttpRequest.newBuilder(URI.create(base + "/test-only/member-login?tenant=" + tenant.id()
						+ "&kigo=01&bango=o" + System.nanoTime() % 100_000_000))
					.build(),
				HttpResponse.BodyHandlers.discarding());
		String page = client
			.send(HttpRequest.newBuilder(URI.create(base + "/documents")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();

		String boundary = "kennin" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[13 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> upload = client.send(HttpRequest
			.newBuilder(URI.create(base + "/documents?slot=OTHER&returnTo=/documents%3Ftab%3D2&_csrf=" + csrf.group(1)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location").orElseThrow())
			.endsWith("/documents?tab=2#document-OTHER-error");
		String after = client
			.send(HttpRequest.newBuilder(URI.create(base + "/documents")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(after).contains("ファイルサイズは10MB以下にしてください");
	}

}
