package jp.kennin.notification.internal;

import java.sql.Types;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.notification.MailDeliveries;
import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code mail_outbox}: queuing, and the claims with which nodes take mail to
 * send. A claim is a lease ({@code claimed_by}, {@code claimed_until}) on a few due
 * mails, taken with {@code for update skip locked} (PostgreSQL and H2 alike), so two
 * nodes never take the same mail and a dead node's mails are free again when its lease
 * runs out.
 */
@Repository
class MailOutbox implements Mailer, MailDeliveries {

	private static final String INSERT = """
			insert into mail_outbox (tenant_id, from_address, from_name, to_address, subject, body, status,
			  attempts, next_attempt_at, created_at, not_after, supersede_key)
			values (:tenant, :fromAddress, :fromName, :to, :subject, :body, 'PENDING', 0, :now, :now, :notAfter,
			  :key)""";

	private static final String COLUMNS = "id, tenant_id, from_address, from_name, to_address, subject, body, "
			+ "attempts, created_at, server_failure";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NamedParameterJdbcTemplate batch;

	MailOutbox(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public long enqueue(OutgoingMail mail) {
		Timestamp now = Timestamp.from(clock.instant());
		supersede(mail);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		batch.update(INSERT, params(mail, now), keys, new String[] { "id" });
		return keys.getKey().longValue();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public long[] enqueueAll(List<OutgoingMail> mails) {
		if (mails.isEmpty()) {
			return new long[0];
		}
		Timestamp now = Timestamp.from(clock.instant());
		mails.stream().filter(m -> m.supersedeKey() != null).forEach(this::supersede);
		SqlParameterSource[] rows = mails.stream().map(mail -> params(mail, now)).toArray(SqlParameterSource[]::new);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.batch.batchUpdate(INSERT, rows, keys, new String[] { "id" });
		List<Map<String, Object>> generated = keys.getKeyList();
		if (generated.size() != mails.size()) {
			throw new IllegalStateException(
					"the outbox returned %d IDs for %d mails".formatted(generated.size(), mails.size()));
		}
		long[] ids = new long[mails.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = ((Number) generated.get(i).values().iterator().next()).longValue();
		}
		return ids;
	}

	private static MapSqlParameterSource params(OutgoingMail mail, Timestamp now) {
		return new MapSqlParameterSource().addValue("tenant", mail.tenantId())
			.addValue("fromAddress", mail.fromAddress())
			.addValue("fromName", mail.fromName() == null ? "" : mail.fromName())
			.addValue("to", mail.to())
			.addValue("subject", mail.subject())
			.addValue("body", mail.body())
			.addValue("now", now)
			.addValue("notAfter", mail.notAfter() == null ? null : Timestamp.from(mail.notAfter()), Types.TIMESTAMP)
			.addValue("key", mail.supersedeKey(), Types.VARCHAR);
	}

	/** A newer mail with the same key replaces the unsent one (a code and its resend). */
	private void supersede(OutgoingMail mail) {
		if (mail.supersedeKey() == null) {
			return;
		}
		String sameTenant = mail.tenantId() == null ? "tenant_id is null" : "tenant_id = :tenant";
		jdbc.sql("""
				update mail_outbox set status = 'SUPERSEDED', claimed_by = null, claimed_until = null
				where status = 'PENDING' and supersede_key = :key and %s""".formatted(sameTenant))
			.paramSource(new MapSqlParameterSource("key", mail.supersedeKey()).addValue("tenant", mail.tenantId()))
			.update();
	}

	/**
	 * Marks the pending mails whose {@code not_after} has passed EXPIRED (unless a node
	 * is sending one right now).
	 */
	int expireOverdue() {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				update mail_outbox set status = 'EXPIRED', claimed_by = null, claimed_until = null
				where status = 'PENDING' and not_after <= :now and (claimed_until is null or claimed_until < :now)""")
			.param("now", now)
			.update();
	}

	/**
	 * Claims up to {@code limit} due mails for {@code node} until {@code lease} from now,
	 * skipping rows another node is claiming at this moment and the tenants in
	 * {@code excludedTenants} (over their mails per minute).
	 */
	@Transactional
	List<OutboxMail> claim(String node, int limit, Duration lease, Collection<Long> excludedTenants) {
		Instant now = clock.instant();
		String exclude = excludedTenants.isEmpty() ? "" : " and (tenant_id is null or tenant_id not in (:excluded))";
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("node", node)
			.addValue("now", Timestamp.from(now))
			.addValue("until", Timestamp.from(now.plus(lease)))
			.addValue("excluded", excludedTenants);
		batch
			.update("""
					update mail_outbox set claimed_by = :node, claimed_until = :until
					where id in (select id from mail_outbox
					  where status = 'PENDING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)%s
					  order by id fetch first %d rows only for update skip locked)"""
				.formatted(exclude, limit), p);
		return claimed(node);
	}

	/**
	 * Claims the pending mail that failed on the server longest ago, whatever its next
	 * attempt time: one try tells whether the server is back.
	 */
	@Transactional
	List<OutboxMail> claimProbe(String node, Duration lease) {
		Instant now = clock.instant();
		jdbc.sql("""
				update mail_outbox set claimed_by = :node, claimed_until = :until
				where id in (select id from mail_outbox
				  where status = 'PENDING' and server_failure = true and (claimed_until is null or claimed_until < :now)
				  order by next_attempt_at, id fetch first 1 rows only for update skip locked)""")
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.update();
		return claimed(node);
	}

	private List<OutboxMail> claimed(String node) {
		return jdbc.sql("select " + COLUMNS
				+ " from mail_outbox where claimed_by = ? and status = 'PENDING' and claimed_until >= ? order by id")
			.params(node, Timestamp.from(clock.instant()))
			.query((rs, i) -> mail(rs))
			.list();
	}

	/** Extends the lease of every mail {@code node} still holds. */
	int renew(String node, Duration lease) {
		return jdbc.sql("update mail_outbox set claimed_until = ? where claimed_by = ? and status = 'PENDING'")
			.params(Timestamp.from(clock.instant().plus(lease)), node)
			.update();
	}

	/** Gives claimed mails back without counting an attempt. */
	void release(String node, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		batch.update("""
				update mail_outbox set claimed_by = null, claimed_until = null
				where claimed_by = :node and id in (:ids)""",
				new MapSqlParameterSource().addValue("node", node).addValue("ids", ids));
	}

	void markSent(long id) {
		jdbc.sql("""
				update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,
				  claimed_by = null, claimed_until = null, server_failure = false where id = ?""")
			.params(Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * The mails that waited because the server was down are due now: a successful send
	 * shows it is back, so they need not wait out their own backoff.
	 * @return how many were woken
	 */
	int wakeServerFailures() {
		Timestamp now = Timestamp.from(clock.instant());
		return jdbc.sql("""
				update mail_outbox set next_attempt_at = :now
				where status = 'PENDING' and server_failure = true and next_attempt_at > :now""")
			.param("now", now)
			.update();
	}

	/**
	 * Records a failed attempt; after {@code maxAttempts} the mail is given up as FAILED.
	 * {@code serverFailure}: the server, not this mail, was at fault.
	 */
	void markFailed(OutboxMail mail, String error, int maxAttempts, boolean serverFailure) {
		int attempts = mail.attempts() + 1;
		Instant next = clock.instant().plus(backoff(attempts));
		jdbc.sql("""
				update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?,
				  claimed_by = null, claimed_until = null, server_failure = ? where id = ?""")
			.params(attempts >= maxAttempts ? "FAILED" : "PENDING", attempts, Timestamp.from(next), cut(error),
					serverFailure, mail.id())
			.update();
	}

	/** A probe that found the server still down: noted, but not counted as an attempt. */
	void markProbeFailed(OutboxMail mail, String error) {
		jdbc.sql("update mail_outbox set last_error = ?, claimed_by = null, claimed_until = null where id = ?")
			.params(cut(error), mail.id())
			.update();
	}

	/** A permanent refusal (5xx): no retry. */
	void markRefused(OutboxMail mail, String reply) {
		jdbc.sql("""
				update mail_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ?,
				  claimed_by = null, claimed_until = null, server_failure = false where id = ?""")
			.params(cut(reply), mail.id())
			.update();
	}

	/**
	 * Mails sent in the last minute, plus those other nodes hold right now, per tenant
	 * (the throttle's count, the same on every node).
	 */
	Map<Long, Integer> recentPerTenant(String node) {
		Instant now = clock.instant();
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select tenant_id, count(*) from mail_outbox where tenant_id is not null
				  and (sent_at > :minuteAgo or (status = 'PENDING' and claimed_until >= :now and claimed_by <> :node))
				group by tenant_id""")
			.param("minuteAgo", Timestamp.from(now.minus(Duration.ofMinutes(1))))
			.param("now", Timestamp.from(now))
			.param("node", node)
			.query((rs, i) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	boolean anyServerFailure() {
		return jdbc
			.sql("select count(*) from mail_outbox where status = 'PENDING' and server_failure = true "
					+ "fetch first 1 rows only")
			.query(Integer.class)
			.single() > 0;
	}

	long count(String status) {
		return jdbc.sql("select count(*) from mail_outbox where status = ?").param(status).query(Long.class).single();
	}

	/** The failed mails, newest first, without their bodies. */
	/**
	 * The newest failed mails with their insurer's name, read from the tenant table in
	 * the same statement (the tenant module uses this one, so it cannot be asked).
	 */
	List<FailedMail> failed(int limit) {
		return jdbc.sql("""
				select o.id, o.tenant_id, t.name as tenant_name, o.to_address, o.subject, o.attempts, o.last_error,
				  o.created_at
				from mail_outbox o left join tenant t on t.id = o.tenant_id
				where o.status = 'FAILED' order by o.id desc fetch first %d rows only""".formatted(limit))
			.query((rs, i) -> failedMail(rs))
			.list();
	}

	Optional<FailedMail> failedMail(long id) {
		return jdbc.sql("""
				select o.id, o.tenant_id, t.name as tenant_name, o.to_address, o.subject, o.attempts, o.last_error,
				  o.created_at
				from mail_outbox o left join tenant t on t.id = o.tenant_id
				where o.id = ? and o.status = 'FAILED'""").param(id).query((rs, i) -> failedMail(rs)).optional();
	}

	private static FailedMail failedMail(ResultSet rs) throws SQLException {
		return new FailedMail(rs.getLong("id"), rs.getObject("tenant_id", Long.class), rs.getString("tenant_name"),
				rs.getString("to_address"), rs.getString("subject"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * A failed mail queued again from scratch; false if it is not (or no longer) FAILED.
	 */
	boolean retry(long id) {
		return jdbc.sql("""
				update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, server_failure = false,
				  not_after = null where id = ? and status = 'FAILED'""")
			.params(Timestamp.from(clock.instant()), id)
			.update() == 1;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MailDeliveries.Delivery> latest(long tenantId, String key) {
		return jdbc.sql("""
				select id, status, attempts, created_at from mail_outbox where tenant_id = ? and supersede_key = ?
				order by id desc fetch first 1 rows only""")
			.params(tenantId, key)
			.query((rs, i) -> new MailDeliveries.Delivery(rs.getLong("id"),
					MailDeliveries.State.valueOf(rs.getString("status")), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	private static OutboxMail mail(ResultSet rs) throws SQLException {
		return new OutboxMail(rs.getLong("id"), rs.getObject("tenant_id", Long.class), rs.getString("from_address"),
				rs.getString("from_name"), rs.getString("to_address"), rs.getString("subject"), rs.getString("body"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("server_failure"));
	}

	private static String cut(String error) {
		return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
	}

	/** 10 s, 20 s, 40 s … capped at one hour. */
	static Duration backoff(int attempts) {
		long seconds = 10L << Math.min(attempts - 1, 9);
		return Duration.ofSeconds(Math.min(seconds, 3600));
	}

	record FailedMail(long id, Long tenantId, String tenantName, String to, String subject, int attempts,
			String lastError, Instant createdAt) {
	}

}
