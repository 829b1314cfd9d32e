package jp.kennin.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

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
 * Member login with the brute-force rules of docs/security: from the 5th consecutive failure each next
 * attempt must wait (2, 4, 8 … seconds), the 10th failure locks the account for 15 minutes, and one IP
 * may fail only {@link Throttle.Rule#LOGIN_IP} times in 15 minutes across all user IDs. Every refusal
 * looks the same to the visitor, and an unknown user ID costs the same Argon2 work as a known one.
 */
@Component
public class MemberAuthenticationProvider implements AuthenticationProvider {

	static final int DELAY_FROM = 5;

	static final int LOCK_AFTER = 10;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final AccountRepository accounts;

	private final Roster roster;

	private final PasswordEncoder encoder;

	private final Throttle throttle;

	private final AccountAudit audit;

	private final Clock clock;

	/** Verified when the user ID is unknown, so that the response takes as long as for a known one. */
	private final String dummyHash;

	/**
	 * At most one Argon2 computation per core at a time: each needs 19 MiB, and more at once only thrash
	 * the caches (and, in a login storm, the heap) without finishing sooner.
	 */
	private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	MemberAuthenticationProvider(AccountRepository accounts, Roster roster, PasswordEncoder encoder, Throttle throttle,
			AccountAudit audit, Clock clock) {
		this.accounts = accounts;
		this.roster = roster;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.clock = clock;
		this.dummyHash = encoder.encode(Secrets.token());
	}

	/** Thrown when the visitor's IP has failed too often; the login page asks them to wait. */
	public static class LoginThrottledException extends AuthenticationException {

		LoginThrottledException() {
			super("too many failed logins from this address");
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
			matches(password, dummyHash);
			fail(ip);
			audit.anonymousNow(AccountAuditEvent.LOGIN_FAILED, null, userId, ip, Map.of("reason", "unknown"));
			throw bad();
		}
		MemberAccount account = found.get();
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			matches(password, dummyHash);
			fail(ip);
			audit.memberNow(AccountAuditEvent.LOGIN_FAILED, account, ip, Map.of("reason", "locked"));
			throw bad();
		}
		if (insideDelay(account, now)) {
			matches(password, dummyHash);
			audit.memberNow(AccountAuditEvent.LOGIN_FAILED, account, ip, Map.of("reason", "delay"));
			throw bad();
		}
		if (!matches(password, account.passwordHash())) {
			recordWrongPassword(account, now, ip);
			throw bad();
		}
		String upgraded = encoder.upgradeEncoding(account.passwordHash()) ? encoder.encode(password) : null;
		accounts.recordLogin(account.id(), upgraded);
		audit.memberNow(AccountAuditEvent.LOGIN_SUCCEEDED, account, ip, Map.of());
		RosterPerson person = roster.findById(account.tenantId(), account.rosterPersonId()).orElseThrow(this::bad);
		MemberPrincipal principal = new MemberPrincipal(account.id(), account.tenantId(), account.rosterPersonId(),
				account.userId(), person.name(), person.kigo(), person.bango(), null);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
	}

	private void recordWrongPassword(MemberAccount account, Instant now, String ip) {
		// A lock that has run out starts a fresh count.
		int previous = account.lockedUntil() != null ? 0 : account.failedAttempts();
		int failures = previous + 1;
		fail(ip);
		if (failures >= LOCK_AFTER) {
			accounts.recordFailure(account.id(), failures, now.plus(LOCK));
			audit.memberNow(AccountAuditEvent.LOGIN_FAILED, account, ip, Map.of("reason", "password"));
			audit.memberNow(AccountAuditEvent.ACCOUNT_LOCKED, account, ip, Map.of("until", now.plus(LOCK).toString()));
		}
		else {
			accounts.recordFailure(account.id(), failures, null);
			audit.memberNow(AccountAuditEvent.LOGIN_FAILED, account, ip,
					Map.of("reason", "password", "failures", String.valueOf(failures)));
		}
	}

	private boolean matches(String password, String hash) {
		hashing.acquireUninterruptibly();
		try {
			return encoder.matches(password, hash);
		}
		finally {
			hashing.release();
		}
	}

	/** From the 5th consecutive failure, the next attempt must wait 2^(n-4) seconds. */
	static Duration delayAfter(int failures) {
		return failures < DELAY_FROM ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(failures - DELAY_FROM + 1, 8));
	}

	private static boolean insideDelay(MemberAccount account, Instant now) {
		if (account.lockedUntil() != null || account.lastFailedAt() == null) {
			return false;
		}
		return account.lastFailedAt().plus(delayAfter(account.failedAttempts())).isAfter(now);
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
