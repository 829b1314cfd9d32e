package jp.kennin.account.internal;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a login: remember when (for the absolute timeout) and go back to the page the
 * member was on, or the home page. After a failure: back to the login page with the user
 * ID kept (never the password).
 */
@Component
public class LoginHandlers extends SavedRequestAwareAuthenticationSuccessHandler
		implements AuthenticationFailureHandler {

	/**
	 * Session attribute: the login instant (epoch millis), for the 12-hour absolute
	 * timeout.
	 */
	public static final String LOGIN_AT = "kennin.member.loginAt";

	/**
	 * Session attribute: the user ID to show in the form again (the last failed
	 * attempt's, or the one just chosen at sign-up).
	 */
	public static final String LAST_USER_ID = "kennin.member.lastUserId";

	/**
	 * Session attribute: the tenant ID of a member refused because their insured person
	 * is inactive, set only after the right password (or for a session that was open), so
	 * the login page may name that insurer's desk.
	 */
	public static final String INACTIVE_TENANT = "kennin.member.inactiveTenant";

	private final Clock clock;

	LoginHandlers(Clock clock) {
		this.clock = clock;
		setDefaultTargetUrl("/home");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		request.getSession().setAttribute(LOGIN_AT, clock.millis());
		request.getSession().removeAttribute(LAST_USER_ID);
		request.getSession().removeAttribute(INACTIVE_TENANT);
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String userId = request.getParameter("userId");
		if (userId != null && userId.length() <= 100) {
			request.getSession().setAttribute(LAST_USER_ID, userId.strip());
		}
		if (exception instanceof MemberAuthenticationProvider.InactiveMemberException inactive) {
			request.getSession().setAttribute(INACTIVE_TENANT, inactive.tenantId());
			response.sendRedirect(request.getContextPath() + "/login?inactive");
			return;
		}
		request.getSession().removeAttribute(INACTIVE_TENANT);
		boolean throttled = exception instanceof MemberAuthenticationProvider.LoginThrottledException;
		response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
	}

}
