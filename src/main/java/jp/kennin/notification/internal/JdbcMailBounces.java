package jp.kennin.notification.internal;

import java.util.stream.IntStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jp.kennin.notification.MailBounced;
import jp.kennin.notification.MailBounces;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Table {@code mail_bounce}; addresses are kept in lower case. */
@Repository
class JdbcMailBounces implements MailBounces {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	JdbcMailBounces(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isBouncing(long tenantId, String address) {
		return !bouncing(tenantId, List.of(address)).isEmpty();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Bounce> bouncing(long tenantId, Collection<String> addresses) {
		Map<String, String> byKey = new HashMap<>();
		addresses.stream().filter(Objects::nonNull).forEach(a -> byKey.put(key(a), a));
		Map<String, Bounce> out = new HashMap<>();
		if (byKey.isEmpty()) {
			return out;
		}
		for (List<String> chunk : chunks(List.copyOf(byKey.keySet()))) {
			jdbc.sql("select address, bounced_at, smtp_reply from mail_bounce where tenant_id = :tenant "
					+ "and address in (:addresses)")
				.param("tenant", tenantId)
				.param("addresses", chunk)
				.query((rs, i) -> {
					String given = byKey.get(rs.getString("address"));
					return out.put(given,
							new Bounce(given, rs.getTimestamp("bounced_at").toInstant(), rs.getString("smtp_reply")));
				})
				.list();
		}
		return out;
	}

	/**
	 * Marks the address bouncing and publishes {@link MailBounced}, in one transaction
	 * (the event publication is stored with it).
	 */
	@Transactional
	void bounced(long tenantId, String address, String reply, long outboxId) {
		Timestamp now = Timestamp.from(clock.instant());
		String cut = reply.length() > 500 ? reply.substring(0, 500) : reply;
		int updated = jdbc
			.sql("update mail_bounce set bounced_at = ?, smtp_reply = ?, outbox_id = ? where tenant_id = ? "
					+ "and address = ?")
			.params(now, cut, outboxId, tenantId, key(address))
			.update();
		if (updated == 0) {
			jdbc.sql("insert into mail_bounce (tenant_id, address, bounced_at, smtp_reply, outbox_id) "
					+ "values (?, ?, ?, ?, ?)")
				.params(tenantId, key(address), now, cut, outboxId)
				.update();
		}
		events.publishEvent(new MailBounced(tenantId, outboxId));
	}

	/** A mail to the address went through: it no longer bounces. */
	void delivered(long tenantId, String address) {
		jdbc.sql("delete from mail_bounce where tenant_id = ? and address = ?").params(tenantId, key(address)).update();
	}

	private static String key(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	private static List<List<String>> chunks(List<String> all) {
		int size = 500;
		return IntStream.range(0, (all.size() + size - 1) / size)
			.mapToObj(i -> all.subList(i * size, Math.min(all.size(), (i + 1) * size)))
			.toList();
	}

}
