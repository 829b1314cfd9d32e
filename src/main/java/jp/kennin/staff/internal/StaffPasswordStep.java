package jp.kennin.staff.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The first step of the staff login: user ID and password. Success grants only
 * {@code ROLE_STAFF_PENDING}; the staff pages need the TOTP step as well. Every failure
 * looks the same (Keycloak's "don't let people guess user names"): unknown IDs cost a
 * hash like known ones, and a locked account or a blocked IP gets the same message as a
 * wrong password.
 */
class StaffPasswordStep implements AuthenticationProvider {

	static final String PENDING = "ROLE_STAFF_PENDING";

	private final JdbcStaffAccounts accounts;

	private final PasswordEncoder encoder;

	private final LoginGuard guard;

	private final StaffAudit audit;

	private final String dummyHash;

	StaffPasswordStep(JdbcStaffAccounts accounts, PasswordEncoder encoder, LoginGuard guard, StaffAudit audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.guard = guard;
		this.audit = audit;
		this.dummyHash = encoder.encode("dummy-password-for-unknown-ids");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String loginId = String.valueOf(request.getName());
		String password = String.valueOf(request.getCredentials());
		String ip = clientIp();
		StaffPrincipal principal = accounts.loadPrincipal(loginId).orElse(null);
		boolean matches = encoder.matches(password, principal == null ? dummyHash : principal.getPassword());
		String reason = null;
		if (guard.ipBlocked(ip)) {
			reason = "ip-throttled";
		}
		else if (principal == null) {
			reason = "unknown-id";
		}
		else if (guard.accountBlocked(principal.id())) {
			reason = "locked";
		}
		else if (!principal.isEnabled()) {
			reason = "disabled";
		}
		else if (!matches) {
			reason = "bad-password";
			guard.accountFailed(principal.id());
		}
		if (reason != null) {
			guard.ipFailed(ip);
			audit.loginFailedNow(principal, ip, reason);
			throw new BadCredentialsException("login failed");
		}
		principal.eraseCredentials();
		return new UsernamePasswordAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority(PENDING)));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
