package jp.kennin.notification.internal;

import java.util.HashMap;
import java.util.Map;

import jp.kennin.notification.MailThrottles;
import jp.kennin.platform.KenninProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/** Table {@code mail_throttle}: one row per tenant that has its own setting. */
@Repository
class JdbcMailThrottles implements MailThrottles {

	private final JdbcClient jdbc;

	private final int defaultPerMinute;

	JdbcMailThrottles(JdbcClient jdbc, KenninProperties properties) {
		this.jdbc = jdbc;
		this.defaultPerMinute = properties.mail().defaultPerMinute();
	}

	@Override
	@Transactional(readOnly = true)
	public int perMinute(long tenantId) {
		return jdbc.sql("select mails_per_minute from mail_throttle where tenant_id = ?")
			.param(tenantId)
			.query(Integer.class)
			.optional()
			.orElse(defaultPerMinute);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void setPerMinute(long tenantId, int perMinute) {
		Assert.isTrue(perMinute >= 0 && perMinute <= MAX_PER_MINUTE, "perMinute out of range");
		if (jdbc.sql("update mail_throttle set mails_per_minute = ? where tenant_id = ?")
			.params(perMinute, tenantId)
			.update() == 0) {
			jdbc.sql("insert into mail_throttle (tenant_id, mails_per_minute) values (?, ?)")
				.params(tenantId, perMinute)
				.update();
		}
	}

	/** Every tenant's own setting. */
	Map<Long, Integer> settings() {
		Map<Long, Integer> out = new HashMap<>();
		jdbc.sql("select tenant_id, mails_per_minute from mail_throttle")
			.query((rs, i) -> out.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return out;
	}

	/** The limit for a tenant given {@link #settings()}; 0 is unlimited. */
	int limit(Map<Long, Integer> settings, long tenantId) {
		return settings.getOrDefault(tenantId, defaultPerMinute);
	}

}
