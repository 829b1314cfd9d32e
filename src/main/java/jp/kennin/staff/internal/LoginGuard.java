package jp.kennin.staff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brute-force protection for the staff login, kept in the database so every node enforces
 * the same state: per account, from the 5th consecutive failure (password or code) the
 * next attempt must wait 1, 2, 4, 8, 16 s; the 10th failure locks the account for 15
 * minutes; a success resets the count. Per client IP, more than {@value #IP_LIMIT}
 * failures in a 15-minute window block that IP until the window ends. Attempts made while
 * blocked are refused without being checked. Wrong current passwords on the password
 * change page count like wrong login passwords (see {@link OwnPassword}).
 */
@Component
class LoginGuard {

	static final int DELAY_FROM = 5;

	static final int LOCK_AT = 10;

	static final Duration LOCK = Duration.ofMinutes(15);

	static final int IP_LIMIT = 100;

	static final Duration IP_WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginGuard(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean accountBlocked(long accountId) {
		Timestamp until = jdbc.sql("select locked_until from staff_account where id = ?")
			.param(accountId)
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return until != null && until.toInstant().isAfter(clock.instant());
	}

	boolean ipBlocked(String ip) {
		Integer failures = jdbc.sql("select failures from staff_login_throttle where ip = ? and window_start = ?")
			.params(key(ip), window())
			.query(Integer.class)
			.optional()
			.orElse(0);
		return failures >= IP_LIMIT;
	}

	/** Counts a failure and returns the number of consecutive failures so far. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	int accountFailed(long accountId) {
		jdbc.sql("update staff_account set failed_attempts = failed_attempts + 1 where id = ?")
			.param(accountId)
			.update();
		int failures = jdbc.sql("select failed_attempts from staff_account where id = ?")
			.param(accountId)
			.query(Integer.class)
			.single();
		Duration wait = waitAfter(failures);
		if (!wait.isZero()) {
			jdbc.sql("update staff_account set locked_until = ? where id = ?")
				.params(Timestamp.from(clock.instant().plus(wait)), accountId)
				.update();
		}
		return failures;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void ipFailed(String ip) {
		Timestamp window = window();
		int updated = jdbc
			.sql("update staff_login_throttle set failures = failures + 1 where ip = ? and window_start = ?")
			.params(key(ip), window)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into staff_login_throttle (ip, window_start, failures) values (?, ?, 1)")
					.params(key(ip), window)
					.update();
				jdbc.sql("delete from staff_login_throttle where window_start < ?")
					.param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
					.update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("update staff_login_throttle set failures = failures + 1 where ip = ? and window_start = ?")
					.params(key(ip), window)
					.update();
			}
		}
	}

	@Transactional
	void succeeded(long accountId) {
		jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null, last_login_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), accountId)
			.update();
	}

	/**
	 * The staff member proved the password inside a session: the count starts again, as
	 * after a login.
	 */
	@Transactional
	void cleared(long accountId) {
		jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null where id = ?")
			.param(accountId)
			.update();
	}

	static Duration waitAfter(int failures) {
		if (failures >= LOCK_AT) {
			return LOCK;
		}
		if (failures >= DELAY_FROM) {
			return Duration.ofSeconds(1L << (failures - DELAY_FROM));
		}
		return Duration.ZERO;
	}

	private Timestamp window() {
		long size = IP_WINDOW.toSeconds();
		return Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(clock.instant().getEpochSecond(), size) * size));
	}

	private static String key(String ip) {
		return ip == null ? "unknown" : ip.length() > 64 ? ip.substring(0, 64) : ip;
	}

}
