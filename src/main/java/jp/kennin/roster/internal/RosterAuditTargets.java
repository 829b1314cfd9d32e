package jp.kennin.roster.internal;

import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;

import jp.kennin.audit.AuditTargetQuery;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names roster targets in the audit log: {@code roster_person:<id>} as 記号-番号-枝番 (with the
 * name and the person page for the insurer's staff; operators see neither) and
 * {@code roster_import:<id>} as its file and time.
 */
class RosterAuditTargets {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private static final AuditTargetQuery PEOPLE = new AuditTargetQuery("id", "tenant_id", "kigo, bango, edaban, name",
			"roster_person");

	private static final AuditTargetQuery IMPORTS = new AuditTargetQuery("id", "tenant_id", "file_name, created_at",
			"roster_import");

	private RosterAuditTargets() {
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
			return PEOPLE.describe(jdbc, viewer, ids, (rs, id) -> {
				String key = rs.getString("kigo") + "-" + rs.getString("bango") + "-" + rs.getString("edaban");
				return viewer.operator() ? new Target(key, null)
						: new Target(key + " " + rs.getString("name"), "/admin/roster/people/" + id);
			});
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
			return IMPORTS
				.describe(
						jdbc, viewer, ids, (rs,
								id) -> new Target(
										rs.getString("file_name") + " ("
												+ MINUTES.format(
														JapanTime.of(rs.getTimestamp("created_at").toInstant()))
												+ ")",
										viewer.operator() ? null : "/admin/roster/imports/" + id));
		}

	}

}
