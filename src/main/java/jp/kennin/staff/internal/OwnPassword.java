package jp.kennin.staff.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kennin.staff.StaffAuditEvent;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member changes their own password (12–128 characters; staff always have TOTP as
 * well). The current password is checked with the login's brute-force protection
 * ({@link LoginGuard}): a wrong one counts as a failed login, an attempt inside the
 * waiting time is refused unchecked, and the failure that locks the account also ends
 * this session, since whoever holds it does not know the password. A change ends the
 * account's other sessions and keeps this one.
 */
@Service
public class OwnPassword {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	public enum Outcome {

		CHANGED, INVALID, LOCKED_OUT

	}

	/** The message keys for the two fields, null where the field is fine. */
	public record Result(Outcome outcome, String currentError, String newError) {
	}

	private final StaffDirectory directory;

	private final LoginGuard guard;

	private final StaffSessions sessions;

	private final StaffAudit audit;

	private final HttpSessionSecurityContextRepository contexts = StaffSecurityConfiguration.contextRepository();

	OwnPassword(StaffDirectory directory, LoginGuard guard, StaffSessions sessions, StaffAudit audit) {
		this.directory = directory;
		this.guard = guard;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Transactional
	public Result change(Authentication auth, String currentPassword, String newPassword, HttpServletRequest request,
			HttpServletResponse response) {
		StaffPrincipal staff = (StaffPrincipal) auth.getPrincipal();
		String ip = request.getRemoteAddr();
		String newError = newPasswordError(newPassword, staff.getUsername());
		String currentError = null;
		if (guard.accountBlocked(staff.id())) {
			currentError = "staff.password.wait";
		}
		else if (!directory.passwordMatches(staff.id(), currentPassword)) {
			int failures = guard.accountFailed(staff.id());
			guard.ipFailed(ip);
			audit.selfNow(StaffAuditEvent.STAFF_PASSWORD_CHECK_FAILED, staff, ip,
					Map.of("failures", Integer.toString(failures)));
			if (failures >= LoginGuard.LOCK_AT) {
				audit.selfNow(StaffAuditEvent.STAFF_LOCKED, staff, ip, Map.of("reason", "current-password"));
				StaffSessionFilter.end(request);
				return new Result(Outcome.LOCKED_OUT, null, null);
			}
			currentError = "staff.password.currentWrong";
		}
		if (currentError != null || newError != null) {
			return new Result(Outcome.INVALID, currentError, newError);
		}
		guard.cleared(staff.id());
		long version = directory.changePassword(staff.id(), newPassword);
		String keep = request.getSession().getId();
		int ended = sessions.endAll(staff.id(), keep);
		stayLoggedIn(auth, staff.withAccountVersion(version), request, response);
		audit.self(StaffAuditEvent.STAFF_PASSWORD_CHANGED, staff, ip, Map.of("sessionsEnded", Integer.toString(ended)));
		return new Result(Outcome.CHANGED, null, null);
	}

	private void stayLoggedIn(Authentication auth, StaffPrincipal updated, HttpServletRequest request,
			HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, auth.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	static String newPasswordError(String password, String loginId) {
		if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			return "staff.password.length";
		}
		if (password.toLowerCase(Locale.ROOT).contains(loginId.toLowerCase(Locale.ROOT))) {
			return "staff.password.containsId";
		}
		return null;
	}

}
