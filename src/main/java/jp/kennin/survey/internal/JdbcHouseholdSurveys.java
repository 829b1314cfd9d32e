package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.HouseholdSurveys;
import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey form states for the help desk, read with the form's unique key (campaign, 記号,
 * 番号).
 */
@Repository
@Transactional(readOnly = true)
class JdbcHouseholdSurveys implements HouseholdSurveys {

	private final JdbcClient jdbc;

	JdbcHouseholdSurveys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Household, SurveyStatus.State> states(long tenantId, long campaignId, Collection<Household> households) {
		Map<Household, SurveyStatus.State> states = new HashMap<>();
		if (households.isEmpty()) {
			return states;
		}
		// 記号 in (…) and 番号 in (…) may match a few pairs not asked for; those are dropped
		// below. It keeps the
		// query on the unique index (campaign_id, kigo, bango) on both databases, unlike
		// a list of row values.
		Set<Household> wanted = Set.copyOf(households);
		jdbc.sql("""
				select kigo, bango, status from survey_form
				 where tenant_id = :tenant and campaign_id = :campaign and kigo in (:kigos) and bango in (:bangos)""")
			.param("tenant", tenantId)
			.param("campaign", campaignId)
			.param("kigos", wanted.stream().map(Household::kigo).collect(Collectors.toSet()))
			.param("bangos", wanted.stream().map(Household::bango).collect(Collectors.toSet()))
			.query(rs -> {
				Household household = new Household(rs.getString("kigo"), rs.getString("bango"));
				if (wanted.contains(household)) {
					states.put(household, SurveyStatus.State.valueOf(rs.getString("status")));
				}
			});
		return states;
	}

	@Override
	public List<HouseholdForm> forms(long tenantId, String kigo, String bango) {
		return jdbc.sql("""
				select f.id, c.id as campaign_id, c.title, c.status as campaign_status, c.deadline, f.status,
				       f.submitted_at, f.receipt_number
				  from survey_form f join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
				 where f.tenant_id = ? and f.kigo = ? and f.bango = ?
				 order by c.opens_at desc, c.id desc""")
			.params(tenantId, kigo, bango)
			.query((rs, n) -> new HouseholdForm(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("title"),
					CampaignStatus.valueOf(rs.getString("campaign_status")), rs.getTimestamp("deadline").toInstant(),
					SurveyStatus.State.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at")),
					rs.getString("receipt_number")))
			.list();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
