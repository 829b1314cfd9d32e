package jp.kennin.staff.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor of staff accounts: the encrypted TOTP secret, its last used step,
 * recovery codes.
 */
@Repository
@Transactional(readOnly = true)
class StaffCredentials {

	static final int RECOVERY_CODES = 10;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final StaffSecrets secrets;

	private final Clock clock;

	StaffCredentials(JdbcClient jdbc, StaffSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	record TotpState(String secret, Long lastStep) {
	}

	Optional<TotpState> totp(long staffId) {
		return jdbc
			.sql("select totp_secret, totp_last_step from staff_account where id = ? and totp_secret is not null")
			.param(staffId)
			.query((rs, i) -> new TotpState(secrets.decrypt(rs.getString("totp_secret")),
					(Long) rs.getObject("totp_last_step", Long.class)))
			.optional();
	}

	/**
	 * Stores a confirmed secret and returns fresh recovery codes (shown once; only hashes
	 * are kept).
	 */
	@Transactional
	List<String> enrol(long staffId, String secret, long usedStep) {
		jdbc.sql("update staff_account set totp_secret = ?, totp_last_step = ?, updated_at = ? where id = ?")
			.params(secrets.encrypt(secret), usedStep, Timestamp.from(clock.instant()), staffId)
			.update();
		jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staffId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code);
			jdbc.sql("insert into staff_recovery_code (staff_id, code_hash) values (?, ?)")
				.params(staffId, secrets.hash(normalize(code)))
				.update();
		}
		return codes;
	}

	/**
	 * Consumes a step so the same code cannot be used twice; false if it (or a later one)
	 * was used.
	 */
	@Transactional
	boolean useStep(long staffId, long step) {
		return jdbc.sql(
				"update staff_account set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
			.params(step, staffId, step)
			.update() == 1;
	}

	@Transactional
	boolean useRecoveryCode(long staffId, String typed) {
		String code = normalize(typed);
		if (code.length() != 10) {
			return false;
		}
		return jdbc
			.sql("update staff_recovery_code set used_at = ? where staff_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(clock.instant()), staffId, secrets.hash(code))
			.update() == 1;
	}

	/** Forgets the second factor, so the staff member enrols again at the next login. */
	@Transactional
	void reset(long staffId) {
		jdbc.sql("update staff_account set totp_secret = null, totp_last_step = null, updated_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), staffId)
			.update();
		jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staffId).update();
	}

	static String normalize(String typed) {
		return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private static String newRecoveryCode() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 4 || i == 8) {
				sb.append('-');
			}
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

}
