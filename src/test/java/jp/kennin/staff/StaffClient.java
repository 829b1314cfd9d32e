package jp.kennin.staff;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A MockMvc client that keeps the session cookie like a browser (sessions live in Spring
 * Session JDBC, so a MockHttpSession would be ignored).
 */
public final class StaffClient {

	private final MockMvc mvc;

	private Cookie session;

	public StaffClient(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		if (session != null) {
			request.cookie(session);
		}
		ResultActions result = mvc.perform(request);
		Cookie set = result.andReturn().getResponse().getCookie("KENNIN_SESSION");
		if (set != null) {
			session = set.getMaxAge() == 0 ? null : set;
		}
		return result;
	}

	public String sessionId() {
		return session == null ? null : session.getValue();
	}

}
