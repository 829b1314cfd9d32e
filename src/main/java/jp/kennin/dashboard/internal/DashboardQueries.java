package jp.kennin.dashboard.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jp.kennin.dashboard.Dashboard.DayCount;
import jp.kennin.dashboard.Dashboard.Figures;
import jp.kennin.dashboard.Dashboard.Outreach;
import jp.kennin.dashboard.Dashboard.ReasonCount;
import jp.kennin.review.LossReason;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's aggregates, one GROUP BY query each, over the survey's, accounts',
 * outreach journal's and review's tables (read only: a report across modules, which their
 * APIs, made for one household at a time, could not give at 100,000 households). Every
 * query takes the offices it may see ({@code null}: all), so a dashboard limited to an
 * office contact's offices is the same queries with that list.
 */
@Repository
class DashboardQueries {

	/** A form handed in, whatever happened since. */
	static final String HANDED_IN = "('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'COMPLETED')";

	/** Handed in and not yet decided or sent back. */
	static final String WAITING = "('SUBMITTED', 'IN_REVIEW')";

	/**
	 * Japan's calendar day of a stored instant (the same expression on H2 and
	 * PostgreSQL).
	 */
	static String japanDay(String column) {
		return "cast(" + column + " at time zone 'Asia/Tokyo' as date)";
	}

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each office's figures, in office code order: one pass over the campaign's forms
	 * with conditional counts ({@code count(*) filter (where …)}, on H2 and PostgreSQL),
	 * the accounts hash-joined once. The dashboard sorts the offices itself, so a cached
	 * result serves every sort.
	 */
	List<Figures> offices(long tenantId, long campaignId, Collection<String> offices, Instant now) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(now), tenantId, campaignId));
		String sql = """
				select f.office_code, max(f.office_name) as office_name, count(*) as targets,
				  count(a.id) as registered,
				  count(*) filter (where f.status <> 'NOT_STARTED') as started,
				  count(*) filter (where f.status in %1$s) as submitted,
				  count(*) filter (where f.status = 'COMPLETED') as decided,
				  count(*) filter (where f.status in %2$s and f.precheck_warnings > 0) as warnings,
				  count(*) filter (where f.status in %2$s and f.documents_missing > 0) as documents_missing,
				  count(*) filter (where f.status in %2$s and f.documents_by_mail > 0) as documents_by_mail,
				  count(*) filter (where f.status = 'RETURNED') as returned,
				  count(*) filter (where f.status = 'RETURNED' and f.correction_deadline < ?) as overdue
				from survey_form f
				left join member_account a on a.tenant_id = f.tenant_id and a.roster_person_id = f.insured_person_id
				  and a.status = 'ACTIVE'
				where f.tenant_id = ? and f.campaign_id = ?""".formatted(HANDED_IN, WAITING)
				+ officeFilter("f.office_code", offices, params) + " group by f.office_code order by f.office_code";
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Figures(rs.getString("office_code"), rs.getString("office_name"),
					rs.getLong("targets"), rs.getLong("registered"), rs.getLong("started"), rs.getLong("submitted"),
					rs.getLong("decided"), rs.getLong("warnings"), rs.getLong("documents_missing"),
					rs.getLong("documents_by_mail"), rs.getLong("returned"), rs.getLong("overdue")))
			.list();
	}

	/**
	 * Forms handed in per day (Japan time), by the time of their latest submission. On
	 * PostgreSQL, statistics on this very day expression (migration V114) let it hash the
	 * few dozen days instead of sorting every form.
	 */
	List<DayCount> submissionsPerDay(long tenantId, long campaignId, Collection<String> offices) {
		List<Object> params = new ArrayList<>(List.of(tenantId, campaignId));
		String day = japanDay("f.submitted_at");
		String sql = "select " + day + " as on_day, count(*) as n from survey_form f "
				+ "where f.tenant_id = ? and f.campaign_id = ? and f.submitted_at is not null and f.status in "
				+ HANDED_IN + officeFilter("f.office_code", offices, params) + " group by " + day + " order by on_day";
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new DayCount(rs.getDate("on_day").toLocalDate(), rs.getLong("n")))
			.list();
	}

	/**
	 * Messages per day and kind from the outreach journal, with how many of their
	 * households handed in within 48 hours of their own message. A run of invitations or
	 * reminders journals all its messages with one instant, so the inner query groups by
	 * instant and kind (few groups) and the Japan day is worked out once per instant, not
	 * once per message; the forms are joined on the household alone, their campaign being
	 * fixed.
	 */
	List<Outreach> outreach(long tenantId, long campaignId, Collection<String> offices) {
		List<Object> params = new ArrayList<>(List.of(tenantId, campaignId, tenantId, campaignId));
		String sql = "select " + japanDay("g.created_at") + " as on_day, g.kind, sum(g.sent) as sent, "
				+ "sum(g.followed) as followed from (select j.created_at, j.kind, count(*) as sent, "
				+ "count(*) filter (where f.submitted_at >= j.created_at "
				+ "and f.submitted_at < j.created_at + interval '48' hour and f.status in " + HANDED_IN
				+ ") as followed from outreach_journal j left join survey_form f on f.tenant_id = ? "
				+ "and f.campaign_id = ? and f.kigo = j.kigo and f.bango = j.bango "
				+ "where j.tenant_id = ? and j.campaign_id = ?" + officeFilter("f.office_code", offices, params)
				+ " group by j.created_at, j.kind) g group by " + japanDay("g.created_at")
				+ ", g.kind order by on_day, g.kind";
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new Outreach(rs.getDate("on_day").toLocalDate(), rs.getString("kind"), rs.getLong("sent"),
					rs.getLong("followed")))
			.list();
	}

	/**
	 * Final removals (the exports' rule: 削除 approved) per 事由, most frequent first; the
	 * forms are joined only to limit the offices.
	 */
	List<ReasonCount> removalsByReason(long tenantId, long campaignId, Collection<String> offices) {
		List<Object> params = new ArrayList<>(List.of(tenantId, campaignId));
		String sql = """
				select rd.reason, count(*) as n
				from review_case rc
				join review_decision rd on rd.review_case_id = rc.id and rd.tenant_id = rc.tenant_id
				"""
				+ (offices == null ? ""
						: "join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id ")
				+ "where rc.tenant_id = ? and rc.campaign_id = ? and rd.decision = 'REMOVE' and rd.approval = 'APPROVED'"
				+ officeFilter("f.office_code", offices, params) + " group by rd.reason order by n desc, rd.reason";
		return jdbc.sql(sql)
			.params(params)
			.query((rs,
					n) -> new ReasonCount(rs.getString("reason") == null ? LossReason.OTHER
							: LossReason.valueOf(rs.getString("reason")), rs.getLong("n")))
			.list();
	}

	/** {@code and column in (?, …)} for a limited list of offices; nothing for all. */
	private static String officeFilter(String column, Collection<String> offices, List<Object> params) {
		if (offices == null) {
			return "";
		}
		if (offices.isEmpty()) {
			return " and 1 = 0";
		}
		params.addAll(offices);
		return " and " + column + " in (" + String.join(", ", offices.stream().map(o -> "?").toList()) + ")";
	}

}
