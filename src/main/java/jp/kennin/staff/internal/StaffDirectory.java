package jp.kennin.staff.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jp.kennin.staff.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts as the staff management pages see them. Lookups take the viewer's tenant
 * scope: null (operators) sees every account, a tenant ID only that tenant's accounts;
 * removed accounts are not seen at all. Every change of what an account may do increments
 * its {@code account_version}, which ends the account's sessions at their next request
 * (see {@link StaffSessionFilter}); a new kind of change (a tenant change, say) must do
 * the same.
 */
@Repository
@Transactional(readOnly = true)
public class StaffDirectory {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final StaffCredentials credentials;

	private final Clock clock;

	StaffDirectory(JdbcClient jdbc, PasswordEncoder encoder, StaffCredentials credentials, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.credentials = credentials;
		this.clock = clock;
	}

	public record StaffMember(long id, String loginId, String displayName, StaffRole role, Long tenantId,
			boolean enabled, boolean totpEnrolled, Instant lastLoginAt, boolean locked) {
	}

	public List<StaffMember> list(Long scope) {
		return jdbc.sql("""
				select * from staff_account where removed_at is null and (:scope is null or tenant_id = :scope)
				order by tenant_id nulls first, login_id""")
			.param("scope", scope, Types.BIGINT)
			.query(this::map)
			.list();
	}

	public Optional<StaffMember> find(Long scope, long id) {
		return jdbc.sql(
				"select * from staff_account where id = :id and removed_at is null and (:scope is null or tenant_id = :scope)")
			.param("id", id)
			.param("scope", scope, Types.BIGINT)
			.query(this::map)
			.optional();
	}

	@Transactional
	void setEnabled(long id, boolean enabled) {
		jdbc.sql(
				"update staff_account set enabled = ?, account_version = account_version + 1, updated_at = ? where id = ?")
			.params(enabled, Timestamp.from(clock.instant()), id)
			.update();
	}

	@Transactional
	void changeRole(long id, StaffRole role) {
		jdbc.sql(
				"update staff_account set role = ?, account_version = account_version + 1, updated_at = ? where id = ?")
			.params(role.name(), Timestamp.from(clock.instant()), id)
			.update();
	}

	/** The office codes of an office contact, sorted; empty for other roles. */
	public List<String> offices(long id) {
		return jdbc.sql("select office_code from staff_office where staff_id = ? order by office_code")
			.param(id)
			.query(String.class)
			.list();
	}

	/**
	 * Binds the account to exactly these offices (none for a role other than
	 * OFFICE_CONTACT). Its sessions end, as for every change of what it may do.
	 */
	@Transactional
	void replaceOffices(long id, long tenantId, Collection<String> codes) {
		jdbc.sql("delete from staff_office where staff_id = ?").param(id).update();
		for (String code : new TreeSet<>(codes)) {
			jdbc.sql("insert into staff_office (staff_id, tenant_id, office_code) values (?, ?, ?)")
				.params(id, tenantId, code)
				.update();
		}
		jdbc.sql("update staff_account set account_version = account_version + 1, updated_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * Gives the account a new random password and forgets its authenticator and lock, for
	 * a staff member who lost access; returns the password (shown once to whoever reset
	 * it).
	 */
	@Transactional
	String resetCredentials(long id) {
		String password = newPassword();
		jdbc.sql("""
				update staff_account set password_hash = ?, failed_attempts = 0, locked_until = null,
				  account_version = account_version + 1, updated_at = ?
				where id = ?""").params(encoder.encode(password), Timestamp.from(clock.instant()), id).update();
		credentials.reset(id);
		return password;
	}

	/**
	 * Disables the account for good and forgets its credentials. The row stays, so the
	 * login ID is never given to someone else and the audit log keeps naming one person.
	 */
	@Transactional
	void remove(long id) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update staff_account set enabled = false, removed_at = ?, password_hash = ?, failed_attempts = 0,
				  locked_until = null, account_version = account_version + 1, updated_at = ?
				where id = ?""").params(now, encoder.encode(newPassword()), now, id).update();
		credentials.reset(id);
	}

	/** Returns the account's new version. */
	@Transactional
	long changePassword(long id, String password) {
		jdbc.sql(
				"update staff_account set password_hash = ?, account_version = account_version + 1, updated_at = ? where id = ?")
			.params(encoder.encode(password), Timestamp.from(clock.instant()), id)
			.update();
		return jdbc.sql("select account_version from staff_account where id = ?").param(id).query(Long.class).single();
	}

	boolean passwordMatches(long id, String password) {
		String hash = jdbc.sql("select password_hash from staff_account where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return encoder.matches(password, hash);
	}

	/** 20 characters from a 57-letter alphabet: about 116 random bits. */
	public static String newPassword() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				sb.append('-');
			}
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	private StaffMember map(ResultSet rs, int row) throws SQLException {
		Timestamp last = rs.getTimestamp("last_login_at");
		Timestamp locked = rs.getTimestamp("locked_until");
		return new StaffMember(rs.getLong("id"), rs.getString("login_id"), rs.getString("display_name"),
				StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("tenant_id", Long.class),
				rs.getBoolean("enabled"), rs.getString("totp_secret") != null, last == null ? null : last.toInstant(),
				locked != null && locked.toInstant().isAfter(clock.instant()));
	}

}
