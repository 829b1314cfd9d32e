package jp.kennin.account.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;

/**
 * Login pages fetched ahead (a session cookie and its CSRF token each), so that a
 * measurement can time the login request alone. A worker that runs out fetches a page
 * itself, inside the measured time.
 */
final class LoginForms {

	record Form(String cookie, String csrf) {
	}

	private final String baseUrl;

	private final ThreadLocal<MiniHttp> http;

	private final ConcurrentLinkedQueue<Form> forms = new ConcurrentLinkedQueue<>();

	LoginForms(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = ThreadLocal.withInitial(() -> new MiniHttp(baseUrl));
	}

	void prepare(int count) throws Exception {
		for (int i = 0; i < count; i++) {
			forms.add(fetch());
		}
	}

	Form fetch() throws Exception {
		MiniHttp.Response page = http.get().get("/login", null);
		Matcher m = LoginBenchmark.CSRF.matcher(page.body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		return new Form(page.cookies(), m.group(1));
	}

	BooleanSupplier post(String userId, String password) {
		return () -> {
			try {
				Form form = forms.poll();
				if (form == null) {
					form = fetch();
				}
				String body = "userId=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(form.csrf());
				MiniHttp.Response response = http.get().postForm("/login", form.cookie(), body);
				return response.status() == 302 && response.header("Location").endsWith("/home");
			}
			catch (Exception ex) {
				return false;
			}
		};
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
