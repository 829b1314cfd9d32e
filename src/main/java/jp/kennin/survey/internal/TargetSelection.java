package jp.kennin.survey.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignBreakdown.RosterChanges;
import jp.kennin.survey.CampaignOpening;
import jp.kennin.survey.TargetHouseholds;
import jp.kennin.survey.TargetPreview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a campaign's target rules into SQL over the roster. The same condition drives the
 * preview and the creation of survey forms, so what staff preview is what opening
 * creates.
 */
@Component
class TargetSelection {

	private final JdbcClient jdbc;

	private final Clock clock;

	TargetSelection(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	TargetPreview preview(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		String where = where(campaign, p);
		List<TargetPreview.OfficeCount> offices = jdbc.sql("""
				select i.office_code, max(i.office_name) as office_name,
				  count(distinct i.id) as households, count(*) as dependents
				from roster_person d
				join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				  and i.edaban = '00'
				where""" + " " + where + " group by i.office_code order by i.office_code")
			.params(p)
			.query((rs, n) -> new TargetPreview.OfficeCount(rs.getString("office_code"), rs.getString("office_name"),
					rs.getLong("households"), rs.getLong("dependents")))
			.list();
		return new TargetPreview(offices);
	}

	/** The insured persons of the households the rules select, for another module. */
	TargetHouseholds households(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		String where = where(campaign, p);
		return new TargetHouseholds("""
				select i.id from roster_person d
				join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				  and i.edaban = '00'
				where""" + " " + where, p);
	}

	/**
	 * The selected dependents who are already on a form of another open campaign of the
	 * tenant (also one that opens to members only later), per campaign.
	 */
	List<CampaignOpening.Overlap> overlaps(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		String where = where(campaign, p);
		return jdbc.sql("""
				select c.id, c.title, c.opens_at, count(*) as dependents
				from roster_person d
				join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				  and i.edaban = '00'
				join survey_form f on f.tenant_id = d.tenant_id and f.kigo = d.kigo and f.bango = d.bango
				join survey_form_dependent fd on fd.survey_form_id = f.id and fd.edaban = d.edaban
				join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
				where""" + " " + where + " " + """
				  and c.status = 'OPEN' and c.id <> :campaign
				group by c.id, c.title, c.opens_at order by c.opens_at, c.id""")
			.params(p)
			.query((rs, n) -> new CampaignOpening.Overlap(rs.getLong("id"), rs.getString("title"),
					rs.getTimestamp("opens_at").toInstant(),
					rs.getTimestamp("opens_at").toInstant().isAfter(clock.instant()), rs.getLong("dependents")))
			.list();
	}

	/**
	 * How today's roster differs from the forms created at opening: the rules are fixed
	 * once opened, so any difference comes from roster changes (people gone inactive,
	 * added, or corrected).
	 */
	RosterChanges sinceOpening(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		String where = where(campaign, p);
		long[] gone = jdbc.sql("""
				select count(*) as dependents, count(distinct f.id) as households
				from survey_form f join survey_form_dependent fd on fd.survey_form_id = f.id
				where f.tenant_id = :tenant and f.campaign_id = :campaign and not exists (
				  select 1 from roster_person d
				  join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				    and i.edaban = '00'
				  where""" + " " + where + " " + """
				and d.kigo = f.kigo and d.bango = f.bango and d.edaban = fd.edaban)""")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong("households"), rs.getLong("dependents") })
			.single();
		long[] added = jdbc.sql("""
				select count(*) as dependents, count(distinct i.id) as households
				from roster_person d
				join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				  and i.edaban = '00'
				where""" + " " + where + " " + """
				and not exists (select 1 from survey_form f
				  join survey_form_dependent fd on fd.survey_form_id = f.id
				  where f.tenant_id = d.tenant_id and f.campaign_id = :campaign and f.kigo = d.kigo
				    and f.bango = d.bango and fd.edaban = d.edaban)""")
			.params(p)
			.query((rs, n) -> new long[] { rs.getLong("households"), rs.getLong("dependents") })
			.single();
		return new RosterChanges(gone[0], gone[1], added[0], added[1]);
	}

	/** Creates the survey forms and their dependents in two set-based statements. */
	int createForms(Campaign campaign) {
		Map<String, Object> p = new HashMap<>();
		String where = where(campaign, p);
		p.put("now", Timestamp.from(clock.instant()));
		int forms = jdbc
			.sql("""
					insert into survey_form (tenant_id, campaign_id, kigo, bango, insured_person_id, office_code, office_name,
					  status, version, created_at, updated_at)
					select distinct i.tenant_id, :campaign, i.kigo, i.bango, i.id, i.office_code, i.office_name,
					  'NOT_STARTED', 0, cast(:now as timestamp with time zone), cast(:now as timestamp with time zone)
					from roster_person d
					join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
					  and i.edaban = '00'
					where"""
					+ " " + where)
			.params(p)
			.update();
		jdbc.sql("""
				insert into survey_form_dependent (tenant_id, survey_form_id, roster_person_id, edaban, name, name_kana,
				  birth_date, relationship, relationship_category, living_together)
				select d.tenant_id, f.id, d.id, d.edaban, d.name, d.name_kana, d.birth_date, d.relationship,
				  d.relationship_category, d.living_together
				from roster_person d
				join roster_person i on i.tenant_id = d.tenant_id and i.kigo = d.kigo and i.bango = d.bango
				  and i.edaban = '00'
				join survey_form f on f.campaign_id = :campaign and f.kigo = d.kigo and f.bango = d.bango
				where""" + " " + where).params(p).update();
		return forms;
	}

	/**
	 * The selection condition; fills in its parameters. Aliases: d = dependent, i =
	 * insured person.
	 */
	private static String where(Campaign c, Map<String, Object> p) {
		StringBuilder sql = new StringBuilder("""
				d.tenant_id = :tenant and d.edaban <> '00' and d.active = true and i.active = true
				  and d.relationship_category in (:categories)
				  and not exists (select 1 from campaign_exclusion e where e.campaign_id = :campaign
				    and e.kigo = d.kigo and e.bango = d.bango and e.edaban = d.edaban)""");
		p.put("tenant", c.tenantId());
		p.put("campaign", c.id());
		p.put("categories", c.rules().categories().stream().map(Enum::name).toList());
		if (c.rules().bornOnOrBefore() != null) {
			sql.append(" and d.birth_date <= :bornOnOrBefore");
			p.put("bornOnOrBefore", Date.valueOf(c.rules().bornOnOrBefore()));
		}
		if (c.rules().bornAfter() != null) {
			sql.append(" and d.birth_date > :bornAfter");
			p.put("bornAfter", Date.valueOf(c.rules().bornAfter()));
		}
		if (c.rules().recognizedUntil() != null) {
			sql.append(" and (d.qualified_on is null or d.qualified_on <= :recognizedUntil)");
			p.put("recognizedUntil", Date.valueOf(c.rules().recognizedUntil()));
		}
		return sql.toString();
	}

}
