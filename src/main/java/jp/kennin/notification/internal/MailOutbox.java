package jp.kennin.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

@Repository
class MailOutbox implements Mailer {

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
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into mail_outbox (tenant_id, from_address, from_name, to_address, subject, body, status,
				  attempts, next_attempt_at, created_at)
				values (:tenant, :fromAddress, :fromName, :to, :subject, :body, 'PENDING', 0, :now, :now)""")
			.param("tenant", mail.tenantId())
			.param("fromAddress", mail.fromAddress())
			.param("fromName", mail.fromName() == null ? "" : mail.fromName())
			.param("to", mail.to())
			.param("subject", mail.subject())
			.param("body", mail.body())
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public long[] enqueueAll(List<OutgoingMail> mails) {
		if (mails.isEmpty()) {
			return new long[0];
		}
		Timestamp now = Timestamp.from(clock.instant());
		SqlParameterSource[] rows = mails.stream()
			.map(mail -> new MapSqlParameterSource().addValue("tenant", mail.tenantId())
				.addValue("fromAddress", mail.fromAddress())
				.addValue("fromName", mail.fromName() == null ? "" : mail.fromName())
				.addValue("to", mail.to())
				.addValue("subject", mail.subject())
				.addValue("body", mail.body())
				.addValue("now", now))
			.toArray(SqlParameterSource[]::new);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.batch.batchUpdate("""
				insert into mail_outbox (tenant_id, from_address, from_name, to_address, subject, body, status,
				  attempts, next_attempt_at, created_at)
				values (:tenant, :fromAddress, :fromName, :to, :subject, :body, 'PENDING', 0, :now, :now)""", rows,
				keys, new String[] { "id" });
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

	List<OutboxMail> due(int limit) {
		return jdbc
			.sql("""
					select id, from_address, from_name, to_address, subject, body, attempts, created_at from mail_outbox
					where status = 'PENDING' and next_attempt_at <= ? order by id fetch first %d rows only"""
				.formatted(limit))
			.param(Timestamp.from(clock.instant()))
			.query((rs, i) -> new OutboxMail(rs.getLong("id"), rs.getString("from_address"), rs.getString("from_name"),
					rs.getString("to_address"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void markSent(long id) {
		jdbc.sql(
				"update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
	}

	/**
	 * Records a failed attempt; after {@code maxAttempts} the mail is given up as FAILED.
	 */
	void markFailed(OutboxMail mail, String error, int maxAttempts) {
		int attempts = mail.attempts() + 1;
		Instant next = clock.instant().plus(backoff(attempts));
		jdbc.sql("update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
			.params(attempts >= maxAttempts ? "FAILED" : "PENDING", attempts, Timestamp.from(next),
					error.length() > 500 ? error.substring(0, 500) : error, mail.id())
			.update();
	}

	/** 10 s, 20 s, 40 s … capped at one hour. */
	static Duration backoff(int attempts) {
		long seconds = 10L << Math.min(attempts - 1, 9);
		return Duration.ofSeconds(Math.min(seconds, 3600));
	}

}
