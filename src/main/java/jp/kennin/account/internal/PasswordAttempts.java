package jp.kennin.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.kennin.account.AccountAuditEvent;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-account brute-force rules of docs/security, applied wherever a member's
 * password is checked (the login, and the current password on マイページ), so that every check
 * counts on the same failures and the same lock: from the 5th consecutive failure each
 * next attempt must wait (2, 4, 8 … seconds; attempts inside the wait fail without
 * counting), and the 10th failure locks the account for 15 minutes.
 */
@Component
public class PasswordAttempts {

	static final int DELAY_FROM = 5;

	static final int LOCK_AFTER = 10;

	static final Duration LOCK = Duration.ofMinutes(15);

	public enum Outcome {

		CORRECT,
		/** Wrong and counted; {@code triesLeft} before the lock. */
		WRONG,
		/**
		 * Not checked: the previous failure's wait has not passed ({@code waitSeconds}).
		 */
		WAIT,
		/** Not checked: the account was already locked (until {@code lockedUntil}). */
		LOCKED,
		/** Wrong, and this failure locked the account (until {@code lockedUntil}). */
		LOCKED_NOW

	}

	public record Verdict(Outcome outcome, int triesLeft, long waitSeconds, Instant lockedUntil) {

		static Verdict of(Outcome outcome) {
			return new Verdict(outcome, 0, 0, null);
		}

	}

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final AccountAudit audit;

	private final Clock clock;

	/**
	 * A failure is counted in a transaction of its own, so it sticks whatever the caller
	 * does next.
	 */
	private final TransactionTemplate own;

	/**
	 * Verified when there is no password to compare with, so that the answer takes as
	 * long as a real check.
	 */
	private final String dummyHash;

	PasswordAttempts(AccountRepository accounts, PasswordEncoder encoder, AccountAudit audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.dummyHash = encoder.encode(Secrets.token());
	}

	/**
	 * Checks a password against the account and counts a wrong one. Failures are recorded
	 * and audited in transactions of their own, so they stick whatever the caller does
	 * next. The caller decides what a right password resets (a login records itself;
	 * マイページ calls {@link AccountRepository#resetFailures}).
	 * @param failure the audit event for a refusal ({@code reason}: password, delay or
	 * locked)
	 */
	public Verdict check(MemberAccount account, String password, String ip, AccountAuditEvent failure) {
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			spendDummy(password);
			audit.memberNow(failure, account, ip, Map.of("reason", "locked"));
			return new Verdict(Outcome.LOCKED, 0, 0, account.lockedUntil());
		}
		Instant waitUntil = waitUntil(account);
		if (waitUntil != null && waitUntil.isAfter(now)) {
			spendDummy(password);
			audit.memberNow(failure, account, ip, Map.of("reason", "delay"));
			return new Verdict(Outcome.WAIT, 0, Math.max(1, (Duration.between(now, waitUntil).toMillis() + 999) / 1000),
					null);
		}
		if (matches(password, account.passwordHash())) {
			return Verdict.of(Outcome.CORRECT);
		}
		// A lock that has run out starts a fresh count.
		int failures = (account.lockedUntil() != null ? 0 : account.failedAttempts()) + 1;
		if (failures >= LOCK_AFTER) {
			Instant until = now.plus(LOCK);
			own.executeWithoutResult(t -> accounts.recordFailure(account.id(), failures, until));
			audit.memberNow(failure, account, ip, Map.of("reason", "password"));
			audit.memberNow(AccountAuditEvent.ACCOUNT_LOCKED, account, ip, Map.of("until", until.toString()));
			return new Verdict(Outcome.LOCKED_NOW, 0, 0, until);
		}
		own.executeWithoutResult(t -> accounts.recordFailure(account.id(), failures, null));
		audit.memberNow(failure, account, ip, Map.of("reason", "password", "failures", String.valueOf(failures)));
		return new Verdict(Outcome.WRONG, LOCK_AFTER - failures, 0, null);
	}

	/** Costs the same Argon2 work as a check, for an unknown user ID. */
	public void spendDummy(String password) {
		matches(password, dummyHash);
	}

	/**
	 * The encoder lets only so many hashes run at once
	 * ({@code kennin.security.password-hashing-concurrency}, platform's
	 * BoundedPasswordEncoder); a second limit here would ignore that setting.
	 */
	private boolean matches(String password, String hash) {
		return encoder.matches(password, hash);
	}

	/** From the 5th consecutive failure, the next attempt must wait 2^(n-4) seconds. */
	static Duration delayAfter(int failures) {
		return failures < DELAY_FROM ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(failures - DELAY_FROM + 1, 8));
	}

	private static Instant waitUntil(MemberAccount account) {
		// Without a delay there is nothing to wait for (and a stored time rounded up by
		// the database must
		// not make one).
		if (account.lockedUntil() != null || account.lastFailedAt() == null || account.failedAttempts() < DELAY_FROM) {
			return null;
		}
		return account.lastFailedAt().plus(delayAfter(account.failedAttempts()));
	}

}
