package jp.kennin.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a member session 12 hours after login however active it was (the idle limit of 30
 * minutes is Spring Session's). The page asked for is remembered, so the member lands
 * there after logging in again.
 */
class AbsoluteTimeoutFilter extends OncePerRequestFilter {

	static final Duration ABSOLUTE = Duration.ofHours(12);

	private final Clock clock;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	AbsoluteTimeoutFilter(Clock clock) {
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(LoginHandlers.LOGIN_AT) instanceof Long loginAt
				&& clock.millis() - loginAt > ABSOLUTE.toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			if ("GET".equals(request.getMethod())) {
				requestCache.saveRequest(request, response);
			}
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
