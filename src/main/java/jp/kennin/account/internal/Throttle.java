package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempt counters in the database, so every node sees the same counts. An attempt is written in a
 * transaction of its own: a failed sign-up or login rolls back, its count must not.
 */
@Component
public class Throttle {

	/** What is counted, with its limit and window. */
	public enum Rule {

		/** Roster match failures per roster record (tenant, 記号, 番号). */
		SIGNUP_PERSON(5, Duration.ofMinutes(15)),
		/** Roster match failures per IP: higher, since a company's staff share one address. */
		SIGNUP_IP(20, Duration.ofHours(1)),
		/** Failed logins per IP, across all user IDs. */
		LOGIN_IP(30, Duration.ofMinutes(15)),
		/** Recovery requests (forgot password / user ID) per IP. */
		RECOVERY_IP(10, Duration.ofHours(1)),
		/** Recovery requests per target (user ID or roster record); over it nothing more is mailed. */
		RECOVERY_TARGET(3, Duration.ofHours(1));

		final int limit;

		final Duration window;

		Rule(int limit, Duration window) {
			this.limit = limit;
			this.window = window;
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
			.params(rule.name(), secrets.hmac(key), Timestamp.from(clock.instant()))
			.update();
	}

	/** True once the limit of attempts inside the window is reached. */
	@Transactional(readOnly = true)
	public boolean exceeded(Rule rule, String key) {
		return count(rule, key) >= rule.limit;
	}

	int count(Rule rule, String key) {
		return jdbc.sql("select count(*) from member_throttle_event where scope = ? and key_hash = ? and at > ?")
			.params(rule.name(), secrets.hmac(key), Timestamp.from(clock.instant().minus(rule.window)))
			.query(Integer.class)
			.single();
	}

	/** Forgets the attempts for a key, e.g. after a successful match. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void clear(Rule rule, String key) {
		jdbc.sql("delete from member_throttle_event where scope = ? and key_hash = ?")
			.params(rule.name(), secrets.hmac(key))
			.update();
	}

	@Transactional
	public int deleteOlderThan(Duration age) {
		return jdbc.sql("delete from member_throttle_event where at < ?")
			.param(Timestamp.from(clock.instant().minus(age)))
			.update();
	}

}
