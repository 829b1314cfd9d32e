package jp.kennin.account;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A browser for MockMvc tests: keeps the Spring Session cookie between requests and uses
 * an IP address of its own, so per-IP throttling in one test never affects another.
 */
public class MemberClient {

	private static final AtomicInteger NEXT_IP = new AtomicInteger((int) (System.nanoTime() % 200));

	private final MockMvc mvc;

	private final String ip;

	private Cookie session;

	public MemberClient(MockMvc mvc) {
		this(mvc, nextIp());
	}

	public MemberClient(MockMvc mvc, String ip) {
		this.mvc = mvc;
		this.ip = ip;
	}

	public static String nextIp() {
		int n = NEXT_IP.incrementAndGet();
		return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	public String ip() {
		return ip;
	}

	public Cookie sessionCookie() {
		return session;
	}

	public void useSession(Cookie cookie) {
		this.session = cookie;
	}

	public ResultActions get(String url) throws Exception {
		return perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url));
	}

	/** A form POST with a CSRF token; params are name, value pairs. */
	public ResultActions post(String url, String... params) throws Exception {
		MockHttpServletRequestBuilder builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(url)
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			builder.param(params[i], params[i + 1]);
		}
		return perform(builder);
	}

	public ResultActions login(String userId, String password) throws Exception {
		return post("/login", "userId", userId, "password", password);
	}

	private ResultActions perform(MockHttpServletRequestBuilder builder) throws Exception {
		builder.with(request -> {
			request.setRemoteAddr(ip);
			return request;
		});
		if (session != null) {
			builder.cookie(session);
		}
		ResultActions result = mvc.perform(builder);
		Cookie set = result.andReturn().getResponse().getCookie("KENNIN_SESSION");
		if (set != null) {
			session = set.getMaxAge() == 0 ? null : set;
		}
		return result;
	}

}
