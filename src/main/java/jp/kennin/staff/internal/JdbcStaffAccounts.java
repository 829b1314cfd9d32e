package jp.kennin.staff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcStaffAccounts implements StaffAccounts {

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Clock clock;

	JdbcStaffAccounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.clock = clock;
	}

	static String key(String loginId) {
		return loginId.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	@Transactional
	public long create(String loginId, String displayName, StaffRole role, Long tenantId, String rawPassword) {
		if ((role == StaffRole.OPERATOR) != (tenantId == null)) {
			throw new IllegalArgumentException("operators have no tenant; other staff need one");
		}
		if (exists(loginId)) {
			throw new IllegalArgumentException("login ID already used");
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into staff_account (tenant_id, login_id, login_id_key, display_name, role, password_hash, created_at)
						values (:tenant, :login, :key, :name, :role, :hash, :now)""")
			.param("tenant", tenantId)
			.param("login", loginId.strip())
			.param("key", key(loginId))
			.param("name", displayName)
			.param("role", role.name())
			.param("hash", encoder.encode(rawPassword))
			.param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Override
	@Transactional
	public long createOfficeContact(String loginId, String displayName, long tenantId, Set<String> offices,
			String rawPassword) {
		long id = create(loginId, displayName, StaffRole.OFFICE_CONTACT, tenantId, rawPassword);
		for (String code : new TreeSet<>(offices)) {
			jdbc.sql("insert into staff_office (staff_id, tenant_id, office_code) values (?, ?, ?)")
				.params(id, tenantId, code)
				.update();
		}
		return id;
	}

	@Override
	public boolean exists(String loginId) {
		return findByLoginId(loginId).isPresent();
	}

	@Override
	public Optional<StaffSummary> findByLoginId(String loginId) {
		return jdbc.sql("select id, login_id, display_name, role, tenant_id from staff_account where login_id_key = ?")
			.param(key(loginId))
			.query((rs, i) -> new StaffSummary(rs.getLong("id"), rs.getString("login_id"), rs.getString("display_name"),
					StaffRole.valueOf(rs.getString("role")), (Long) rs.getObject("tenant_id", Long.class)))
			.optional();
	}

	Optional<StaffPrincipal> loadPrincipal(String loginId) {
		return jdbc.sql("""
				select id, login_id, display_name, role, tenant_id, password_hash, enabled, account_version, removed_at,
				  case when totp_secret is null then false else true end as enrolled
				from staff_account where login_id_key = ?""")
			.param(key(loginId))
			.query((rs, i) -> new StaffPrincipal(rs.getLong("id"), rs.getString("login_id"),
					rs.getString("display_name"), StaffRole.valueOf(rs.getString("role")),
					(Long) rs.getObject("tenant_id", Long.class), rs.getString("password_hash"),
					rs.getBoolean("enabled") && rs.getObject("removed_at") == null, rs.getBoolean("enrolled"),
					rs.getLong("account_version")))
			.optional();
	}

	/**
	 * Whether the account still is as the session's principal knew it: present, enabled,
	 * same version, role and tenant. One primary-key lookup; run on every staff request.
	 */
	boolean unchangedSince(StaffPrincipal principal) {
		return jdbc.sql(
				"select account_version, enabled, role, tenant_id from staff_account where id = ? and removed_at is null")
			.param(principal.id())
			.query((rs, i) -> rs.getLong("account_version") == principal.accountVersion() && rs.getBoolean("enabled")
					&& principal.role().name().equals(rs.getString("role"))
					&& Objects.equals(principal.tenantId(), rs.getObject("tenant_id", Long.class)))
			.optional()
			.orElse(false);
	}

	@Transactional
	void recordLogin(long id) {
		jdbc.sql("update staff_account set last_login_at = ?, failed_attempts = 0 where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
	}

}
