package jp.kennin.audit.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.IpAddresses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(Event e) {
		insert(e);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordNow(Event e) {
		insert(e);
	}

	private void insert(Event e) {
		jdbc.sql("""
				insert into audit_event (at, type, tenant_id, actor_kind, actor_id, actor_role, target, ip, details)
				values (:at, :type, :tenant, :kind, :actor, :role, :target, :ip, :details)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("type", e.type())
			.param("tenant", e.tenantId())
			.param("kind", e.actorKind())
			.param("actor", clean(e.actorId(), 100))
			.param("role", e.actorRole())
			.param("target", clean(e.target(), 200))
			// Only a parsed address is kept: a caller passing header text must not put it
			// in the log.
			.param("ip", IpAddresses.normalise(e.ip()))
			.param("details", encode(e.details()))
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> search(Query q) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = where(q, params);
		sql.append(" order by id desc fetch first ")
			.append(Math.max(1, Math.min(q.limit(), 10_000)))
			.append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query(JdbcAuditLog::map).list();
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Query q, Consumer<AuditEntry> sink) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = where(q, params).append(" order by id desc");
		try (var rows = jdbc.sql(sql.toString()).withFetchSize(1000).params(params).query(JdbcAuditLog::map).stream()) {
			rows.forEach(sink);
		}
	}

	private static AuditEntry map(ResultSet rs, int i) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("type"),
				(Long) rs.getObject("tenant_id", Long.class), rs.getString("actor_kind"), rs.getString("actor_id"),
				rs.getString("actor_role"), rs.getString("target"), rs.getString("ip"),
				decode(rs.getString("details")));
	}

	private static StringBuilder where(Query q, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("select * from audit_event where 1 = 1");
		if (q.tenantId() != null) {
			sql.append(" and tenant_id = :tenant");
			params.put("tenant", q.tenantId());
		}
		if (q.from() != null) {
			sql.append(" and at >= :from");
			params.put("from", Timestamp.from(q.from()));
		}
		if (q.until() != null) {
			sql.append(" and at < :until");
			params.put("until", Timestamp.from(q.until()));
		}
		if (q.actorId() != null && !q.actorId().isBlank()) {
			sql.append(" and actor_id = :actor");
			params.put("actor", q.actorId());
		}
		if (q.target() != null && !q.target().isBlank()) {
			sql.append(" and target = :target");
			params.put("target", q.target());
		}
		return sql;
	}

	/**
	 * Control characters would let a crafted value forge log lines in exports; replace
	 * them.
	 */
	static String clean(String value, int max) {
		if (value == null) {
			return null;
		}
		String cleaned = value.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
	}

	static String encode(Map<String, String> details) {
		return details.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> escape(e.getKey()) + "=" + escape(clean(e.getValue(), 500)))
			.collect(Collectors.joining("&"));
	}

	static Map<String, String> decode(String encoded) {
		Map<String, String> out = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return out;
		}
		for (String pair : encoded.split("&")) {
			int eq = pair.indexOf('=');
			out.put(unescape(pair.substring(0, eq)), unescape(pair.substring(eq + 1)));
		}
		return out;
	}

	private static String escape(String s) {
		return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
	}

	private static String unescape(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}

}
