package jp.kennin.roster.internal;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names roster targets in the audit log: {@code roster_person:<id>} as 記号-番号-枝番 (with the name and the
 * person page for the insurer's staff; operators see neither) and {@code roster_import:<id>} as its file and time.
 */
class RosterAuditTargets {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private RosterAuditTargets() {
	}

	/** Rows of the viewer's tenant only; operators see all tenants' rows. */
	private static String scope(StaffActor viewer, Map<String, Object> params) {
		if (viewer.operator()) {
			return "";
		}
		params.put("tenant", viewer.tenantId() == null ? -1L : viewer.tenantId());
		return " and tenant_id = :tenant";
	}

	@Component
	static class PersonNames implements AuditTargets {

		private final JdbcClient jdbc;

		PersonNames(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "roster_person";
		}

		@Override
		public Map<String, Target> describe(StaffActor viewer, Collection<String> ids) {
			List<Long> keys = AuditTargets.numericIds(ids);
			Map<String, Target> out = new HashMap<>();
			if (keys.isEmpty()) {
				return out;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("ids", keys);
			jdbc.sql("select id, kigo, bango, edaban, name from roster_person where id in (:ids)" + scope(viewer, p))
				.params(p)
				.query((rs, n) -> {
					String key = rs.getString("kigo") + "-" + rs.getString("bango") + "-" + rs.getString("edaban");
					return out.put(String.valueOf(rs.getLong("id")), viewer.operator() ? new Target(key, null)
							: new Target(key + " " + rs.getString("name"), "/admin/roster/people/" + rs.getLong("id")));
				})
				.list();
			return out;
		}

	}

	@Component
	static class ImportNames implements AuditTargets {

		private final JdbcClient jdbc;

		ImportNames(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "roster_import";
		}

		@Override
		public Map<String, Target> describe(StaffActor viewer, Collection<String> ids) {
			List<Long> keys = AuditTargets.numericIds(ids);
			Map<String, Target> out = new HashMap<>();
			if (keys.isEmpty()) {
				return out;
			}
			Map<String, Object> p = new HashMap<>();
			p.put("ids", keys);
			jdbc.sql("select id, file_name, created_at from roster_import where id in (:ids)" + scope(viewer, p))
				.params(p)
				.query((rs, n) -> out.put(String.valueOf(rs.getLong("id")),
						new Target(rs.getString("file_name") + " ("
								+ MINUTES.format(JapanTime.of(rs.getTimestamp("created_at").toInstant())) + ")",
								viewer.operator() ? null : "/admin/roster/imports/" + rs.getLong("id"))))
				.list();
			return out;
		}

	}

}
