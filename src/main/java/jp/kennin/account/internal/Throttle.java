package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempt counters in the database, so every node sees the same counts. An attempt is
 * written in a transaction of its own: a failed sign-up or login rolls back, its count
 * must not.
 */
@Component
public class Throttle {

	/** What is counted, with its limit and window. */
	public enum Rule {

		/** Roster match failures per roster record (tenant, 記号, 番号). */
		SIGNUP_PERSON(5, Duration.ofMinutes(15)),
		/**
		 * Roster match failures per IP: higher, since a company's staff share one
		 * address.
		 */
		SIGNUP_IP(20, Duration.ofHours(1)),
		/** Failed logins per IP, across all user IDs. */
		LOGIN_IP(30, Duration.ofMinutes(15)),
		/** Recovery requests (forgot password / user ID) per IP. */
		RECOVERY_IP(10, Duration.ofHours(1)),
		/**
		 * Recovery requests per target (user ID or roster record); over it nothing more
		 * is mailed.
		 */
		RECOVERY_TARGET(3, Duration.ofHours(1)),
		/**
		 * Sign-up codes mailed per roster person, across restarts of the sign-up (each
		 * restart makes a new pending account, so the per-account limits of
		 * {@link EmailCodes} alone do not hold).
		 */
		SIGNUP_CODE_HOUR(5, Duration.ofHours(1), "SIGNUP_CODE"),
		/** The same sends counted over a day. */
		SIGNUP_CODE_DAY(10, Duration.ofHours(24), "SIGNUP_CODE"),
		/**
		 * 「already taken」 answers at sign-up step 2 per browser session: user IDs are
		 * unique across insurers.
		 */
		SIGNUP_USER_ID_SESSION(10, Duration.ofHours(1)),
		/**
		 * The same per matched roster person, which a new browser session does not reset.
		 */
		SIGNUP_USER_ID_PERSON(10, Duration.ofHours(1)),
		/** The same per IP, higher for the same reason as {@link #SIGNUP_IP}. */
		SIGNUP_USER_ID_IP(30, Duration.ofHours(1));

		final int limit;

		final Duration window;

		/** Rules with the same scope count the same rows over different windows. */
		final String scope;

		Rule(int limit, Duration window) {
			this.limit = limit;
			this.window = window;
			this.scope = name();
		}

		Rule(int limit, Duration window, String scope) {
			this.limit = limit;
			this.window = window;
			this.scope = scope;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Secrets secrets;

	Throttle(JdbcClient jdbc, Clock clock, Secrets secrets) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.secrets = secrets;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void hit(Rule rule, String key) {
		jdbc.sql("insert into member_throttle_event (scope, key_hash, at) values (?, ?, ?)")
			.params(rule.scope, secrets.hmac(key), Timestamp.from(clock.instant()))
			.update();
	}

	/** True once the limit of attempts inside the window is reached. */
	@Transactional(readOnly = true)
	public boolean exceeded(Rule rule, String key) {
		return count(rule, key) >= rule.limit;
	}

	int count(Rule rule, String key) {
		return jdbc.sql("select count(*) from member_throttle_event where scope = ? and key_hash = ? and at > ?")
			.params(rule.scope, secrets.hmac(key), Timestamp.from(clock.instant().minus(rule.window)))
			.query(Integer.class)
			.single();
	}

	/**
	 * When the key may try again: empty while under the limit, otherwise the moment the
	 * attempt that keeps the count at the limit (the limit-th newest) leaves the window.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> blockedUntil(Rule rule, String key) {
		return jdbc
			.sql("select at from member_throttle_event where scope = ? and key_hash = ? and at > ? "
					+ "order by at desc offset " + (rule.limit - 1) + " rows fetch first 1 rows only")
			.params(rule.scope, secrets.hmac(key), Timestamp.from(clock.instant().minus(rule.window)))
			.query(Timestamp.class)
			.optional()
			.map(at -> at.toInstant().plus(rule.window));
	}

	/** Forgets the attempts for a key, e.g. after a successful match. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void clear(Rule rule, String key) {
		jdbc.sql("delete from member_throttle_event where scope = ? and key_hash = ?")
			.params(rule.scope, secrets.hmac(key))
			.update();
	}

	/** How long attempts must be kept for every rule to see its whole window. */
	static Duration longestWindow() {
		return Arrays.stream(Rule.values()).map(r -> r.window).max(Duration::compareTo).orElseThrow();
	}

	@Transactional
	public int deleteOlderThan(Duration age) {
		return jdbc.sql("delete from member_throttle_event where at < ?")
			.param(Timestamp.from(clock.instant().minus(age)))
			.update();
	}

}
