package jp.kennin.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where queued mails stand, read from the outbox for progress pages and journals, so they
 * show the database's state and survive a restart. A read-only public query kept apart
 * from {@link Mailer}: callers hold outbox IDs ({@link Mailer#enqueueAll}) and never the
 * outbox's columns. Any status other than sent or failed (pending, sending, a retry
 * ahead) counts as queued; a bounce counts as failed.
 */
@Component
public class MailDeliveryStates {

	private final JdbcClient jdbc;

	MailDeliveryStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The mails whose IDs {@code outboxIdsSql} selects (a subquery on the caller's own
	 * tables, with its named parameters), by state.
	 */
	@Transactional(readOnly = true)
	public Counts counts(String outboxIdsSql, Map<String, ?> params) {
		long[] counts = new long[3];
		jdbc.sql("select status, count(*) as n from mail_outbox where id in (" + outboxIdsSql + ") group by status")
			.params(params)
			.query(rs -> {
				counts[of(rs.getString("status")).ordinal()] += rs.getLong("n");
			});
		return new Counts(counts[0], counts[1], counts[2]);
	}

	/** The state of each of these mails (an ID the outbox no longer has is missing). */
	@Transactional(readOnly = true)
	public Map<Long, Delivery> states(Collection<Long> outboxIds) {
		Map<Long, Delivery> out = new HashMap<>();
		if (outboxIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select id, status, sent_at from mail_outbox where id in (:ids)").param("ids", outboxIds).query(rs -> {
			Timestamp sent = rs.getTimestamp("sent_at");
			out.put(rs.getLong("id"), new Delivery(of(rs.getString("status")), sent == null ? null : sent.toInstant()));
		});
		return out;
	}

	private static State of(String status) {
		if ("SENT".equals(status)) {
			return State.SENT;
		}
		if ("FAILED".equals(status) || status.contains("BOUNCE") || status.contains("FAIL")) {
			return State.FAILED;
		}
		return State.QUEUED;
	}

	public enum State {

		QUEUED, SENT, FAILED

	}

	public record Delivery(State state, Instant sentAt) {
	}

	public record Counts(long queued, long sent, long failed) {

		public long total() {
			return queued + sent + failed;
		}

	}

}
