package jp.kennin.staff.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kennin.staff.StaffAuditEvent;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs on every staff request once the session's security context is loaded, and ends the
 * session (all of it, then the login page with a message) when
 * <ul>
 * <li>the login was more than {@value #ABSOLUTE_HOURS} hours ago: a working day with
 * usual overtime fits, a session left open never survives the night
 * ({@code ?expired});</li>
 * <li>no staff request came for 30 minutes ({@code ?idle}). This is kept apart from
 * Spring Session's idle limit, because a member login in the same browser session would
 * otherwise keep the staff login alive;</li>
 * <li>the account is no longer as it was at login: disabled, removed, another role,
 * tenant or version ({@code ?changed}). This holds even when deleting the account's
 * sessions failed or raced with a request on another node.</li>
 * </ul>
 * Cost: one primary-key lookup of {@code staff_account} per staff request, and the
 * last-seen time written to the session at most once a minute. Uses the application
 * clock, so tests move time instead of waiting.
 */
class StaffSessionFilter extends OncePerRequestFilter {

	static final int ABSOLUTE_HOURS = 10;

	static final Duration ABSOLUTE = Duration.ofHours(ABSOLUTE_HOURS);

	static final Duration IDLE = Duration.ofMinutes(30);

	/**
	 * How stale the stored last-seen time may get: fewer session writes, idle limit exact
	 * to a minute.
	 */
	static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

	static final String LOGIN_AT = "kennin.staff.loginAt";

	static final String LAST_SEEN_AT = "kennin.staff.lastSeenAt";

	private final JdbcStaffAccounts accounts;

	private final StaffAudit audit;

	private final Clock clock;

	StaffSessionFilter(JdbcStaffAccounts accounts, StaffAudit audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Starts the clocks of a completed login. */
	static void started(HttpSession session, Instant now) {
		session.setAttribute(LOGIN_AT, now);
		session.setAttribute(LAST_SEEN_AT, now);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal staff)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		Instant now = clock.instant();
		Instant loginAt = session == null ? null : (Instant) session.getAttribute(LOGIN_AT);
		Instant lastSeen = session == null ? null : (Instant) session.getAttribute(LAST_SEEN_AT);
		String ended = null;
		if (loginAt != null && now.isAfter(loginAt.plus(ABSOLUTE))) {
			ended = "expired";
		}
		else if (lastSeen != null && now.isAfter(lastSeen.plus(IDLE))) {
			ended = "idle";
		}
		else if (!accounts.unchangedSince(staff)) {
			ended = "changed";
		}
		if (ended != null) {
			audit.selfNow(StaffAuditEvent.STAFF_SESSION_ENDED, staff, request.getRemoteAddr(), Map.of("reason", ended));
			end(request);
			response.sendRedirect(request.getContextPath() + "/admin/login?" + ended);
			return;
		}
		if (lastSeen != null && Duration.between(lastSeen, now).abs().compareTo(TOUCH_AFTER) >= 0) {
			session.setAttribute(LAST_SEEN_AT, now);
		}
		chain.doFilter(request, response);
	}

	/**
	 * Ends the whole session, so nothing of the staff login (CSRF token, saved pages)
	 * survives it.
	 */
	static void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

}
