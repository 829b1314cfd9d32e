package jp.kennin.survey.internal;

import java.util.List;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignClosing;
import jp.kennin.survey.TargetPreview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts over a campaign's survey forms, which hold the households and dependents as the
 * roster showed them at opening.
 */
@Component
class CampaignFormCounts {

	private final JdbcClient jdbc;

	CampaignFormCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Households (forms) and dependents per office, as on the forms. */
	TargetPreview byOffice(Campaign campaign) {
		List<TargetPreview.OfficeCount> offices = jdbc.sql("""
				select f.office_code, max(f.office_name) as office_name, count(distinct f.id) as households,
				  count(fd.id) as dependents
				from survey_form f left join survey_form_dependent fd on fd.survey_form_id = f.id
				where f.tenant_id = ? and f.campaign_id = ?
				group by f.office_code order by f.office_code""")
			.params(campaign.tenantId(), campaign.id())
			.query((rs, n) -> new TargetPreview.OfficeCount(rs.getString("office_code"), rs.getString("office_name"),
					rs.getLong("households"), rs.getLong("dependents")))
			.list();
		return new TargetPreview(offices);
	}

	CampaignClosing closing(Campaign campaign) {
		TargetPreview counts = byOffice(campaign);
		long notSubmitted = jdbc
			.sql("select count(*) from survey_form where tenant_id = ? and campaign_id = ? "
					+ "and status not in ('SUBMITTED', 'IN_REVIEW', 'COMPLETED')")
			.params(campaign.tenantId(), campaign.id())
			.query(Long.class)
			.single();
		return new CampaignClosing(campaign, counts.households(), counts.dependents(), notSubmitted);
	}

	long forms(Campaign campaign) {
		return jdbc.sql("select count(*) from survey_form where tenant_id = ? and campaign_id = ?")
			.params(campaign.tenantId(), campaign.id())
			.query(Long.class)
			.single();
	}

}
