package jp.kennin.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * {@code member_account}. Every lookup but the login lookup (user IDs are unique across
 * tenants) is scoped by tenant.
 */
@Repository
public class AccountRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public static String key(String userId) {
		return userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<MemberAccount> findByUserId(String userId) {
		return jdbc.sql("select * from member_account where user_id_key = ?")
			.param(key(userId))
			.query(AccountRepository::map)
			.optional();
	}

	public Optional<MemberAccount> findById(long tenantId, long id) {
		return jdbc.sql("select * from member_account where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(AccountRepository::map)
			.optional();
	}

	public Optional<MemberAccount> findByPerson(long tenantId, long rosterPersonId) {
		return jdbc.sql("select * from member_account where tenant_id = ? and roster_person_id = ?")
			.params(tenantId, rosterPersonId)
			.query(AccountRepository::map)
			.optional();
	}

	/**
	 * True while the account may be used: it is active and its insured person is still
	 * active on the roster. One primary-key lookup on each table, made for every member
	 * request.
	 */
	public boolean usable(long tenantId, long id) {
		return jdbc.sql("""
				select count(*) from member_account a
				  join roster_person p on p.tenant_id = a.tenant_id and p.id = a.roster_person_id
				 where a.tenant_id = ? and a.id = ? and a.status = 'ACTIVE' and p.active = true""")
			.params(tenantId, id)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Active accounts of the tenant whose insured person is inactive on the roster and
	 * who logged in after {@code since}: only those can still hold a session.
	 */
	public List<MemberAccount> inactiveLoggedInSince(long tenantId, Instant since) {
		return jdbc.sql("""
				select a.* from member_account a
				  join roster_person p on p.tenant_id = a.tenant_id and p.id = a.roster_person_id
				 where a.tenant_id = ? and a.status = 'ACTIVE' and p.active = false and a.last_login_at > ?""")
			.params(tenantId, Timestamp.from(since))
			.query(AccountRepository::map)
			.list();
	}

	/**
	 * True if another live account (active, or pending and not yet expired) holds the
	 * user ID.
	 */
	public boolean userIdTaken(String userId, long exceptRosterPersonId) {
		return jdbc.sql("""
				select count(*) from member_account where user_id_key = :key and roster_person_id <> :person
				  and (status = 'ACTIVE' or pending_until > :now)""")
			.param("key", key(userId))
			.param("person", exceptRosterPersonId)
			.param("now", now())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Removes expired pending sign-ups holding this user ID or this person, so they can
	 * be reused.
	 */
	public void deleteStalePending(String userId, long tenantId, long rosterPersonId) {
		jdbc.sql(
				"""
						delete from member_account where status = 'PENDING'
						  and (pending_until <= :now and user_id_key = :key or tenant_id = :tenant and roster_person_id = :person)""")
			.param("now", now())
			.param("key", key(userId))
			.param("tenant", tenantId)
			.param("person", rosterPersonId)
			.update();
	}

	public int deleteExpiredPending() {
		return jdbc.sql("delete from member_account where status = 'PENDING' and pending_until <= ?")
			.param(now())
			.update();
	}

	public long createPending(long tenantId, long rosterPersonId, String userId, String passwordHash, String email,
			Instant pendingUntil) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email,
				  status, pending_until, created_at, updated_at)
				values (:tenant, :person, :userId, :key, :hash, :email, 'PENDING', :until, :now, :now)""")
			.param("tenant", tenantId)
			.param("person", rosterPersonId)
			.param("userId", userId.strip())
			.param("key", key(userId))
			.param("hash", passwordHash)
			.param("email", email)
			.param("until", Timestamp.from(pendingUntil))
			.param("now", now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void activate(long tenantId, long id) {
		update("update member_account set status = 'ACTIVE', pending_until = null, updated_at = ? where tenant_id = ? and id = ?",
				now(), tenantId, id);
	}

	public void recordFailure(long id, int failedAttempts, Instant lockedUntil) {
		update("update member_account set failed_attempts = ?, last_failed_at = ?, locked_until = ? where id = ?",
				failedAttempts, now(), lockedUntil == null ? null : Timestamp.from(lockedUntil), id);
	}

	public void recordLogin(long id, String newHashOrNull) {
		update("""
				update member_account set previous_login_at = last_login_at, last_login_at = ?, failed_attempts = 0,
				  last_failed_at = null, locked_until = null, password_hash = coalesce(?, password_hash) where id = ?""",
				now(), newHashOrNull, id);
	}

	/** After a right password: the consecutive failures start again from zero. */
	public void resetFailures(long tenantId, long id) {
		unlock(tenantId, id);
	}

	public void unlock(long tenantId, long id) {
		update("update member_account set failed_attempts = 0, last_failed_at = null, locked_until = null, updated_at = ? "
				+ "where tenant_id = ? and id = ?", now(), tenantId, id);
	}

	public void changePassword(long tenantId, long id, String hash) {
		update("update member_account set password_hash = ?, failed_attempts = 0, locked_until = null, updated_at = ? "
				+ "where tenant_id = ? and id = ?", hash, now(), tenantId, id);
	}

	public void changeEmail(long tenantId, long id, String email) {
		update("update member_account set email = ?, updated_at = ? where tenant_id = ? and id = ?", email, now(),
				tenantId, id);
	}

	public void delete(long tenantId, long id) {
		update("delete from member_account where tenant_id = ? and id = ?", tenantId, id);
	}

	private void update(String sql, Object... params) {
		jdbc.sql(sql).params(params).update();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	static MemberAccount map(ResultSet rs, int row) throws SQLException {
		return new MemberAccount(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("roster_person_id"),
				rs.getString("user_id"), rs.getString("password_hash"), rs.getString("email"),
				MemberAccount.Status.valueOf(rs.getString("status")), rs.getInt("failed_attempts"),
				instant(rs, "last_failed_at"), instant(rs, "locked_until"), instant(rs, "last_login_at"),
				instant(rs, "previous_login_at"), instant(rs, "pending_until"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
