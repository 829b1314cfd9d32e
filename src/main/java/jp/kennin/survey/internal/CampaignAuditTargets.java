package jp.kennin.survey.internal;

import java.util.Collection;
import java.util.Map;

import jp.kennin.audit.AuditTargetQuery;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code campaign:<id>} (「調査: 2026年度 被扶養者資格調査」) and {@code survey_form:<id>} (「調査票:
 * 01-12 / 2026年度 被扶養者資格調査」) in the audit log, with their pages for the insurer's staff
 * (operators run no campaigns, so they get the name only).
 */
class CampaignAuditTargets {

	private static final AuditTargetQuery CAMPAIGNS = new AuditTargetQuery("c.id", "c.tenant_id", "c.title",
			"campaign c");

	private static final AuditTargetQuery FORMS = new AuditTargetQuery("f.id", "c.tenant_id",
			"f.kigo, f.bango, c.title",
			"survey_form f join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id");

	private CampaignAuditTargets() {
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
			return CAMPAIGNS.describe(jdbc, viewer, ids,
					(rs, id) -> new Target(rs.getString("title"), viewer.operator() ? null : "/admin/campaigns/" + id));
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
			return FORMS.describe(jdbc, viewer, ids,
					(rs, id) -> new Target(
							rs.getString("kigo") + "-" + rs.getString("bango") + " / " + rs.getString("title"),
							viewer.operator() ? null : "/admin/survey-forms/" + id));
		}

	}

}
