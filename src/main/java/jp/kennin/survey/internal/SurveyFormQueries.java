package jp.kennin.survey.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff lists of a campaign's survey forms, filtered by status and office, always within
 * one tenant.
 */
@Component
@Transactional(readOnly = true)
public class SurveyFormQueries {

	private final JdbcClient jdbc;

	SurveyFormQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param documentsMissing required documents not uploaded at submission (nor added
	 * since)
	 * @param documentsByMail of those, the ones the member sends by post
	 * @param documentsAdded documents uploaded since submission (提出後に追加)
	 */
	public record Row(long formId, String kigo, String bango, String insuredName, String officeCode, String officeName,
			SurveyStatus.State status, String receiptNumber, Instant submittedAt, int dependents, int documentsMissing,
			int documentsByMail, int documentsAdded) {
	}

	/**
	 * Forms with missing documents, with documents promised by post, or with documents
	 * added after submission.
	 */
	public enum DocumentFilter {

		MISSING, MAIL, ADDED

	}

	public record Filter(SurveyStatus.State status, String officeCode, DocumentFilter documents) {

		public Filter(SurveyStatus.State status, String officeCode) {
			this(status, officeCode, null);
		}

	}

	public List<Row> list(long tenantId, long campaignId, Filter filter, int limit) {
		StringBuilder sql = new StringBuilder("""
				select f.id, f.kigo, f.bango, p.name as insured_name, f.office_code, f.office_name, f.status,
				  f.receipt_number, f.submitted_at, f.documents_missing, f.documents_by_mail, f.documents_added,
				  (select count(*) from survey_form_dependent d where d.survey_form_id = f.id) as dependents
				from survey_form f join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
				where f.tenant_id = :tenant and f.campaign_id = :campaign""");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("tenant", tenantId);
		p.put("campaign", campaignId);
		if (filter.status() != null) {
			sql.append(" and f.status = :status");
			p.put("status", filter.status().name());
		}
		if (filter.officeCode() != null && !filter.officeCode().isBlank()) {
			sql.append(" and f.office_code = :office");
			p.put("office", filter.officeCode());
		}
		if (filter.documents() != null) {
			sql.append(switch (filter.documents()) {
				case MISSING -> " and f.documents_missing > 0";
				case MAIL -> " and f.documents_by_mail > 0";
				case ADDED -> " and f.documents_added > 0";
			});
		}
		sql.append(" order by f.kigo, f.bango fetch first ").append(limit).append(" rows only");
		return jdbc.sql(sql.toString())
			.params(p)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("kigo"), rs.getString("bango"),
					rs.getString("insured_name"), rs.getString("office_code"), rs.getString("office_name"),
					SurveyStatus.State.valueOf(rs.getString("status")), rs.getString("receipt_number"),
					rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
					rs.getInt("dependents"), rs.getInt("documents_missing"), rs.getInt("documents_by_mail"),
					rs.getInt("documents_added")))
			.list();
	}

	/** Counts per status, for the campaign page. */
	public Map<SurveyStatus.State, Integer> counts(long tenantId, long campaignId) {
		Map<SurveyStatus.State, Integer> counts = new LinkedHashMap<>();
		for (SurveyStatus.State s : SurveyStatus.State.values()) {
			counts.put(s, 0);
		}
		jdbc.sql(
				"select status, count(*) as n from survey_form where tenant_id = ? and campaign_id = ? group by status")
			.params(tenantId, campaignId)
			.query((rs, n) -> counts.put(SurveyStatus.State.valueOf(rs.getString("status")), rs.getInt("n")))
			.list();
		return counts;
	}

	public List<String[]> offices(long tenantId, long campaignId) {
		List<String[]> out = new ArrayList<>();
		jdbc.sql("select distinct office_code, office_name from survey_form where tenant_id = ? and campaign_id = ? "
				+ "and office_code is not null order by office_code")
			.params(tenantId, campaignId)
			.query((rs, n) -> out.add(new String[] { rs.getString(1), rs.getString(2) }))
			.list();
		return out;
	}

}
