package jp.kennin.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.kennin.staff.internal.StaffTestLogin;

/**
 * A staff member's browser without the browser: a real HTTP client against the running
 * server (so Tomcat's multipart limits apply, unlike under MockMvc), keeping the session
 * cookie, not following redirects. {@link #login} goes through the real two-step login
 * with authenticator enrolment.
 */
public final class StaffHttpClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public StaffHttpClient(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logged in; the account must not have enrolled an authenticator yet. */
	public static StaffHttpClient login(int port, Clock clock, String loginId, String password) throws Exception {
		StaffHttpClient client = new StaffHttpClient(port);
		String csrf = csrf(client.get("/admin/login").body());
		client.postForm("/admin/login", Map.of("loginId", loginId, "password", password, "_csrf", csrf));
		String enrol = client.get("/admin/login/enrol").body();
		Matcher secret = SECRET.matcher(enrol);
		if (!secret.find()) {
			throw new IllegalStateException("no authenticator secret shown for " + loginId);
		}
		String code = StaffTestLogin.code(secret.group(1).replace(" ", ""), clock);
		client.postForm("/admin/login/enrol", Map.of("code", code, "_csrf", csrf(enrol)));
		var home = client.get("/admin");
		// An office contact's home is their offices' page.
		boolean officeContact = home.headers()
			.firstValue("Location")
			.filter(location -> location.endsWith("/admin/office"))
			.isPresent();
		if (home.statusCode() != 200 && !officeContact) {
			throw new IllegalStateException("login of " + loginId + " failed");
		}
		return client;
	}

	public static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> postForm(String path, Map<String, String> fields)
			throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * As a browser sends a form: the fields in the map's order (a LinkedHashMap), then
	 * the file part.
	 */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
			String fileName, byte[] content) throws IOException, InterruptedException {
		String boundary = "----kennin" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
