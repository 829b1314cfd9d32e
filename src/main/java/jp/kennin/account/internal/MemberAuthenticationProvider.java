package jp.kennin.account.internal;

import java.util.Map;
import java.util.Optional;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Member login with the brute-force rules of docs/security ({@link PasswordAttempts}: a
 * wait from the 5th consecutive failure, a 15-minute lock at the 10th), and one IP may
 * fail only {@link Throttle.Rule#LOGIN_IP} times in 15 minutes across all user IDs. Every
 * refusal looks the same to the visitor, and an unknown user ID costs the same Argon2
 * work as a known one. Only after the right password is a member whose insured person is
 * no longer active on the roster told so (they cannot log in; the login page names the
 * insurer's desk): someone without the password learns nothing from it.
 */
@Component
public class MemberAuthenticationProvider implements AuthenticationProvider {

	private final AccountRepository accounts;

	private final Roster roster;

	private final PasswordEncoder encoder;

	private final PasswordAttempts attempts;

	private final Throttle throttle;

	private final AccountAudit audit;

	MemberAuthenticationProvider(AccountRepository accounts, Roster roster, PasswordEncoder encoder,
			PasswordAttempts attempts, Throttle throttle, AccountAudit audit) {
		this.accounts = accounts;
		this.roster = roster;
		this.encoder = encoder;
		this.attempts = attempts;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * Thrown when the visitor's IP has failed too often; the login page asks them to
	 * wait.
	 */
	public static class LoginThrottledException extends AuthenticationException {

		LoginThrottledException() {
			super("too many failed logins from this address");
		}

	}

	/**
	 * Thrown after the right password when the insured person is no longer active on the
	 * roster; the login page then says the registration cannot be used and names the desk
	 * of {@link #tenantId()}.
	 */
	public static class InactiveMemberException extends AuthenticationException {

		private final long tenantId;

		InactiveMemberException(long tenantId) {
			super("the insured person is no longer active on the roster");
			this.tenantId = tenantId;
		}

		public long tenantId() {
			return tenantId;
		}

	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName() == null ? "" : authentication.getName().strip();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
		if (ip != null && throttle.exceeded(Throttle.Rule.LOGIN_IP, ip)) {
			audit.anonymousNow(AccountAuditEvent.LOGIN_THROTTLED, null, userId, ip, Map.of());
			throw new LoginThrottledException();
		}
		Optional<MemberAccount> found = accounts.findByUserId(userId)
			.filter(a -> a.status() == MemberAccount.Status.ACTIVE);
		if (found.isEmpty()) {
			attempts.spendDummy(password);
			fail(ip);
			audit.anonymousNow(AccountAuditEvent.LOGIN_FAILED, null, userId, ip, Map.of("reason", "unknown"));
			throw bad();
		}
		MemberAccount account = found.get();
		PasswordAttempts.Verdict verdict = attempts.check(account, password, ip, AccountAuditEvent.LOGIN_FAILED);
		if (verdict.outcome() != PasswordAttempts.Outcome.CORRECT) {
			// A wait is not a failure of its own: it only refuses attempts that come too
			// fast.
			if (verdict.outcome() != PasswordAttempts.Outcome.WAIT) {
				fail(ip);
			}
			throw bad();
		}
		RosterPerson person = roster.findById(account.tenantId(), account.rosterPersonId())
			.filter(RosterPerson::active)
			.orElse(null);
		if (person == null) {
			audit.memberNow(AccountAuditEvent.LOGIN_FAILED, account, ip, Map.of("reason", "inactive"));
			throw new InactiveMemberException(account.tenantId());
		}
		String upgraded = encoder.upgradeEncoding(account.passwordHash()) ? encoder.encode(password) : null;
		accounts.recordLogin(account.id(), upgraded);
		audit.memberNow(AccountAuditEvent.LOGIN_SUCCEEDED, account, ip, Map.of());
		MemberPrincipal principal = new MemberPrincipal(account.id(), account.tenantId(), account.rosterPersonId(),
				account.userId(), person.name(), person.kigo(), person.bango(), null);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	private void fail(String ip) {
		if (ip != null) {
			throttle.hit(Throttle.Rule.LOGIN_IP, ip);
		}
	}

	private BadCredentialsException bad() {
		return new BadCredentialsException("bad credentials");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
