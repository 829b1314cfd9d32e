package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.ReviewQueue;
import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue as keyset queries on survey_form: each sort has an index that starts
 * with tenant, campaign and status (V71), so a page reads its rows and stops, whatever
 * the campaign's size.
 */
@Service
@Transactional(readOnly = true)
class JdbcReviewQueue implements ReviewQueue {

	private static final String HANDED_IN = "('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'COMPLETED')";

	private final JdbcClient jdbc;

	JdbcReviewQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page page(long tenantId, long campaignId, Filter filter, After after, int size, Instant now) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("tenant", tenantId);
		p.put("campaign", campaignId);
		StringBuilder sql = new StringBuilder("""
				select f.id, f.kigo, f.bango, p.name as insured_name, f.office_code, f.office_name, f.status,
				  f.returned_count, f.submitted_at, f.receipt_number, f.documents_missing, f.documents_by_mail,
				  f.documents_added, f.reviewer, f.version, f.precheck_warnings, f.precheck_codes, f.dependents_leaving,
				  f.bulk_sampled, f.bulk_approved_at, f.income_mismatch, f.rebuttal_at,
				  (select count(*) from survey_form_dependent d where d.survey_form_id = f.id) as dependents
				from survey_form f join roster_person p on p.id = f.insured_person_id
				where f.tenant_id = :tenant and f.campaign_id = :campaign""");
		Tab tab = filter.tab() == null ? Tab.SUBMITTED : filter.tab();
		where(sql, p, tab, filter, now);
		Sort sort = filter.sort() == null ? Sort.OLDEST : filter.sort();
		if (after != null) {
			keyAfter(sql, p, sort, after);
		}
		sql.append(switch (sort) {
			case OLDEST -> " order by f.submitted_at, f.id";
			case NEWEST -> " order by f.submitted_at desc, f.id desc";
			case NUMBER -> " order by f.kigo, f.bango, f.id";
		});
		sql.append(" fetch first ").append(size + 1).append(" rows only");
		List<Row> rows = jdbc.sql(sql.toString()).params(p).query((rs, n) -> {
			Timestamp submitted = rs.getTimestamp("submitted_at");
			SurveyStatus.State status = SurveyStatus.State.valueOf(rs.getString("status"));
			return new Row(rs.getLong("id"), rs.getString("kigo"), rs.getString("bango"), rs.getString("insured_name"),
					rs.getString("office_code"), rs.getString("office_name"), status,
					status == SurveyStatus.State.SUBMITTED && rs.getInt("returned_count") > 0,
					submitted == null ? null : submitted.toInstant(), rs.getString("receipt_number"),
					rs.getInt("dependents"), rs.getInt("documents_missing"), rs.getInt("documents_by_mail"),
					rs.getInt("documents_added"), rs.getString("reviewer"), rs.getInt("version"),
					rs.getObject("precheck_warnings", Integer.class), rs.getString("precheck_codes"),
					rs.getObject("dependents_leaving", Integer.class), rs.getBoolean("bulk_sampled"),
					rs.getTimestamp("bulk_approved_at") != null, rs.getBoolean("income_mismatch"),
					rs.getTimestamp("rebuttal_at") != null);
		}).list();
		if (rows.size() <= size) {
			return new Page(rows, null);
		}
		Row last = rows.get(size - 1);
		String key = sort == Sort.NUMBER ? last.kigo() + "\t" + last.bango() : last.submittedAt().toString();
		return new Page(new ArrayList<>(rows.subList(0, size)), new After(key, last.formId()));
	}

	private static void where(StringBuilder sql, Map<String, Object> p, Tab tab, Filter filter, Instant now) {
		switch (tab) {
			case SUBMITTED -> sql.append(" and f.status = 'SUBMITTED' and f.returned_count = 0");
			case RESUBMITTED -> sql.append(" and f.status = 'SUBMITTED' and f.returned_count > 0");
			default -> sql.append(" and f.status = '").append(tab.name()).append("'");
		}
		if (filter.office() != null && !filter.office().isBlank()) {
			sql.append(" and f.office_code = :office");
			p.put("office", filter.office());
		}
		if (filter.documents() != null) {
			sql.append(switch (filter.documents()) {
				case MISSING -> " and f.documents_missing > 0";
				case BY_MAIL -> " and f.documents_by_mail > 0";
				case ADDED_AFTER -> " and f.documents_added > 0";
			});
		}
		if (filter.precheck() != null) {
			sql.append(filter.precheck() == PrecheckFilter.WARNINGS ? " and f.precheck_warnings > 0"
					: " and f.precheck_warnings = 0");
		}
		if (filter.incomeMismatch()) {
			// An equality, so the index by status, flag and submission time (V97) keeps
			// the page's order.
			sql.append(" and f.income_mismatch = true");
		}
		if (filter.reviewer() != null && !filter.reviewer().isBlank()) {
			sql.append(" and f.reviewer = :reviewer");
			p.put("reviewer", filter.reviewer());
		}
		if (filter.waitingDays() != null && filter.waitingDays() > 0) {
			sql.append(" and f.submitted_at <= :waitedSince");
			p.put("waitedSince", Timestamp.from(now.minus(Duration.ofDays(filter.waitingDays()))));
		}
		search(sql, p, filter.search());
	}

	/**
	 * 記号・番号 typed together ("9-123", "9 123", full width too) match exactly; anything
	 * else is a 番号 or part of the name (kanji or kana, spaces as on the roster).
	 */
	private static void search(StringBuilder sql, Map<String, Object> p, String search) {
		if (search == null || search.isBlank()) {
			return;
		}
		String text = Normalizer.normalize(search.strip(), Normalizer.Form.NFKC);
		String[] parts = text.split("[\\s\\-ー－]+", 2);
		if (parts.length == 2 && parts[0].matches("[0-9A-Za-z]+") && parts[1].matches("[0-9A-Za-z]+")) {
			sql.append(" and f.kigo = :kigo and f.bango = :bango");
			p.put("kigo", parts[0]);
			p.put("bango", parts[1]);
			return;
		}
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		// The name part as a semi-join from the roster (V89 indexes survey_form by
		// insured
		// person): a rare name reads the tenant's roster once instead of walking every
		// form
		// of the tab. Digits alone are a 番号 and never a name, so they are not ORed with
		// the
		// name search (the OR makes the database read the whole tab); letters may be
		// either
		// (番号 with letters, names written in romaji).
		String names = "f.insured_person_id in (select n.id from roster_person n where n.tenant_id = :tenant"
				+ " and n.insured and (n.name like :like escape '\\' or n.name_kana like :like escape '\\'))";
		if (text.matches("[0-9]+")) {
			sql.append(" and f.bango = :word");
			p.put("word", text);
			return;
		}
		if (text.matches("[0-9A-Za-z]+")) {
			sql.append(" and (f.bango = :word or ").append(names).append(")");
			p.put("word", text);
		}
		else {
			sql.append(" and ").append(names);
		}
		p.put("like", like);
	}

	private static void keyAfter(StringBuilder sql, Map<String, Object> p, Sort sort, After after) {
		p.put("afterId", after.formId());
		if (sort == Sort.NUMBER) {
			String[] key = after.key().split("\t", 2);
			sql.append(" and (f.kigo, f.bango, f.id) > (:afterKigo, :afterBango, :afterId)");
			p.put("afterKigo", key[0]);
			p.put("afterBango", key.length > 1 ? key[1] : "");
			return;
		}
		p.put("afterAt", Timestamp.from(Instant.parse(after.key())));
		sql.append(sort == Sort.OLDEST ? " and (f.submitted_at, f.id) > (:afterAt, :afterId)"
				: " and (f.submitted_at, f.id) < (:afterAt, :afterId)");
	}

	@Override
	public Map<Tab, Long> counts(long tenantId, long campaignId) {
		Map<Tab, Long> counts = new EnumMap<>(Tab.class);
		for (Tab t : Tab.values()) {
			counts.put(t, 0L);
		}
		jdbc.sql("""
				select status, case when returned_count > 0 then 1 else 0 end as again, count(*) as n from survey_form
				where tenant_id = ? and campaign_id = ? and status in """ + HANDED_IN + """
				group by status, case when returned_count > 0 then 1 else 0 end""")
			.params(tenantId, campaignId)
			.query((rs, n) -> {
				String status = rs.getString("status");
				Tab tab = "SUBMITTED".equals(status) ? (rs.getInt("again") == 1 ? Tab.RESUBMITTED : Tab.SUBMITTED)
						: Tab.valueOf(status);
				return counts.merge(tab, rs.getLong("n"), Long::sum);
			})
			.list();
		return counts;
	}

	@Override
	public long notHandedIn(long tenantId, long campaignId) {
		return jdbc
			.sql("select count(*) from survey_form where tenant_id = ? and campaign_id = ? and status not in "
					+ HANDED_IN)
			.params(tenantId, campaignId)
			.query(Long.class)
			.single();
	}

	@Override
	public Map<String, String> offices(long tenantId, long campaignId) {
		Map<String, String> out = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select office_code, max(office_name) as office_name from survey_form
						where tenant_id = ? and campaign_id = ? and office_code is not null group by office_code order by office_code""")
			.params(tenantId, campaignId)
			.query((rs, n) -> out.put(rs.getString("office_code"), rs.getString("office_name")))
			.list();
		return out;
	}

	@Override
	public List<String> reviewers(long tenantId, long campaignId) {
		return jdbc
			.sql("""
					select distinct reviewer from survey_form where tenant_id = ? and campaign_id = ? and reviewer is not null
					order by reviewer""")
			.params(tenantId, campaignId)
			.query(String.class)
			.list();
	}

}
