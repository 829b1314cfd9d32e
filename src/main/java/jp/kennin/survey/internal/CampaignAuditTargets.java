package jp.kennin.survey.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code campaign:<id>} (「調査: 2026年度 被扶養者資格調査」) and {@code survey_form:<id>} (「調査票: 01-12 /
 * 2026年度 被扶養者資格調査」) in the audit log, with their pages for the insurer's staff (operators run no
 * campaigns, so they get the name only).
 */
class CampaignAuditTargets {

	private CampaignAuditTargets() {
	}

	private static String scope(StaffActor viewer, Map<String, Object> params) {
		if (viewer.operator()) {
			return "";
		}
		params.put("tenant", viewer.tenantId() == null ? -1L : viewer.tenantId());
		return " and c.tenant_id = :tenant";
	}

	@Component
	static class CampaignNames implements AuditTargets {

		private final JdbcClient jdbc;

		CampaignNames(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "campaign";
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
			jdbc.sql("select c.id, c.title from campaign c where c.id in (:ids)" + scope(viewer, p))
				.params(p)
				.query((rs, n) -> out.put(String.valueOf(rs.getLong("id")), new Target(rs.getString("title"),
						viewer.operator() ? null : "/admin/campaigns/" + rs.getLong("id"))))
				.list();
			return out;
		}

	}

	@Component
	static class SurveyFormNames implements AuditTargets {

		private final JdbcClient jdbc;

		SurveyFormNames(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return "survey_form";
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
			jdbc.sql("""
					select f.id, f.kigo, f.bango, c.title from survey_form f
					join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
					where f.id in (:ids)""" + scope(viewer, p))
				.params(p)
				.query((rs, n) -> out.put(String.valueOf(rs.getLong("id")),
						new Target(rs.getString("kigo") + "-" + rs.getString("bango") + " / " + rs.getString("title"),
								viewer.operator() ? null : "/admin/survey-forms/" + rs.getLong("id"))))
				.list();
			return out;
		}

	}

}
