package jp.kennin.survey.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kennin.roster.RosterDirectory;
import jp.kennin.survey.OfficeProgress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keyset pages and grouped counts on survey_form joined to the insured person's roster
 * row (for the name, and for the account module's "no account" condition, which refers to
 * {@code roster_person} by that name).
 */
@Repository
@Transactional(readOnly = true)
class JdbcOfficeProgress implements OfficeProgress {

	private final JdbcClient jdbc;

	JdbcOfficeProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static String progress(RosterDirectory.Condition unregistered) {
		return "case when f.status = 'NOT_STARTED' and (" + unregistered.sql() + ") then 'NOT_REGISTERED'"
				+ " when f.status = 'IN_REVIEW' then 'SUBMITTED' else f.status end";
	}

	private static final String FROM = " from survey_form f join roster_person on roster_person.id = f.insured_person_id"
			+ " where f.tenant_id = :tenant and f.campaign_id = :campaign and f.office_code in (:offices)";

	@Override
	public Page page(long tenantId, long campaignId, Set<String> offices, Progress progress,
			RosterDirectory.Condition unregistered, After after, int size) {
		Map<String, Object> p = params(tenantId, campaignId, offices, unregistered);
		StringBuilder sql = new StringBuilder("select f.id, f.office_code, f.office_name, f.kigo, f.bango,"
				+ " roster_person.name, " + progress(unregistered) + " as progress")
			.append(FROM);
		if (progress != null) {
			sql.append(switch (progress) {
				case NOT_REGISTERED -> " and f.status = 'NOT_STARTED' and (" + unregistered.sql() + ")";
				case NOT_STARTED -> " and f.status = 'NOT_STARTED' and not (" + unregistered.sql() + ")";
				case SUBMITTED -> " and f.status in ('SUBMITTED', 'IN_REVIEW')";
				default -> " and f.status = '" + progress.name() + "'";
			});
		}
		if (after != null) {
			sql.append(
					" and (f.office_code, f.kigo, f.bango, f.id) > (:afterOffice, :afterKigo, :afterBango, :afterId)");
			p.put("afterOffice", after.officeCode());
			p.put("afterKigo", after.kigo());
			p.put("afterBango", after.bango());
			p.put("afterId", after.formId());
		}
		sql.append(" order by f.office_code, f.kigo, f.bango, f.id fetch first ").append(size + 1).append(" rows only");
		List<Row> rows = jdbc.sql(sql.toString())
			.params(p)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("office_code"), rs.getString("office_name"),
					rs.getString("kigo"), rs.getString("bango"), rs.getString("name"),
					Progress.valueOf(rs.getString("progress"))))
			.list();
		if (rows.size() <= size) {
			return new Page(rows, null);
		}
		Row last = rows.get(size - 1);
		return new Page(new ArrayList<>(rows.subList(0, size)),
				new After(last.officeCode(), last.kigo(), last.bango(), last.formId()));
	}

	@Override
	public List<Count> counts(long tenantId, long campaignId, Set<String> offices,
			RosterDirectory.Condition unregistered) {
		// Grouped outside: a CASE holding a subquery cannot be a GROUP BY key everywhere.
		String sql = "select office_code, max(office_name) as office_name, progress, count(*) as n from ("
				+ "select f.office_code, f.office_name, " + progress(unregistered) + " as progress" + FROM
				+ ") x group by office_code, progress order by office_code";
		return jdbc.sql(sql)
			.params(params(tenantId, campaignId, offices, unregistered))
			.query((rs, n) -> new Count(rs.getString("office_code"), rs.getString("office_name"),
					Progress.valueOf(rs.getString("progress")), rs.getLong("n")))
			.list();
	}

	private static Map<String, Object> params(long tenantId, long campaignId, Set<String> offices,
			RosterDirectory.Condition unregistered) {
		if (offices.isEmpty()) {
			throw new IllegalArgumentException("no offices");
		}
		Map<String, Object> p = new LinkedHashMap<>(unregistered.params());
		p.put("tenant", tenantId);
		p.put("campaign", campaignId);
		p.put("offices", List.copyOf(offices));
		return p;
	}

}
