package jp.kennin.review.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import jp.kennin.review.Decision;
import jp.kennin.review.LossReason;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the decided dependents of a campaign for the exports through a cursor, one row at
 * a time, never the whole campaign at once. The review's decisions are joined with the
 * form's household and dependent (the survey module's tables, read only, as the roster
 * was when the campaign opened) in one query: a row per dependent must come out in
 * 記号・番号・枝番 order at tens of thousands of rows a second, which a call per form through the
 * survey module's API could not give.
 */
@Repository
class ReviewExportRepository {

	/** Rows per fetch from the database. */
	static final int FETCH_SIZE = 500;

	private final JdbcTemplate cursor;

	ReviewExportRepository(DataSource dataSource) {
		// PostgreSQL streams a result only with a fetch size, inside a transaction.
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(FETCH_SIZE);
	}

	/**
	 * One decided dependent.
	 *
	 * @param proposed a 削除 waiting for a TENANT_ADMIN's approval
	 * @param decidedAt when the decision became what it is: the approval for an approved
	 * proposal, otherwise the decision itself
	 * @param decidedBy who made it so: the approving TENANT_ADMIN for an approved
	 * proposal
	 */
	record Row(String kigo, String bango, String edaban, String insuredName, String name, String nameKana,
			LocalDate birthDate, String relationship, Decision decision, boolean proposed, LocalDate lossDate,
			LossReason reason, String note, Instant decidedAt, String decidedBy, String officeCode, String officeName) {
	}

	/** Receives the rows one by one. */
	@FunctionalInterface
	interface RowHandler {

		void handle(Row row);

	}

	/**
	 * Hands each decided dependent of the campaign to {@code handler} in 記号・番号・枝番 order;
	 * the caller's transaction must be open (the cursor lives in it).
	 * @param finalRemovalsOnly only 削除 that is final (approved, or decided by a
	 * TENANT_ADMIN or without four eyes)
	 */
	void stream(long tenantId, long campaignId, boolean finalRemovalsOnly, RowHandler handler) {
		String filter = finalRemovalsOnly
				? "and rd.decision = 'REMOVE' and rd.approval = '" + ReviewRepository.APPROVED + "'" : "";
		cursor.query("""
				select f.kigo, f.bango, d.edaban, p.name as insured_name, d.name, d.name_kana, d.birth_date,
				       d.relationship, rd.decision, rd.approval, rd.loss_date, rd.reason, rd.note, rd.decided_by,
				       rd.decided_at, rd.approved_by, f.office_code, f.office_name,
				       case when rd.approved_by is not null then
				         (select max(e.occurred_at) from review_event e
				          where e.tenant_id = rd.tenant_id and e.review_case_id = rd.review_case_id
				            and e.dependent_id = rd.dependent_id and e.kind = 'REMOVAL_APPROVED') end as approved_at
				from review_case rc
				join review_decision rd on rd.review_case_id = rc.id and rd.tenant_id = rc.tenant_id
				join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
				join survey_form_dependent d on d.id = rd.dependent_id and d.tenant_id = rd.tenant_id
				left join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
				where rc.tenant_id = ? and rc.campaign_id = ? and rd.decision is not null
				""" + filter + " order by f.kigo, f.bango, d.edaban, d.id", (ResultSet rs) -> {
			handler.handle(row(rs));
		}, tenantId, campaignId);
	}

	private static Row row(ResultSet rs) throws SQLException {
		Date loss = rs.getDate("loss_date");
		String reason = rs.getString("reason");
		String approvedBy = rs.getString("approved_by");
		Timestamp approvedAt = rs.getTimestamp("approved_at");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		Timestamp at = approvedBy != null && approvedAt != null ? approvedAt : decidedAt;
		return new Row(rs.getString("kigo"), rs.getString("bango"), rs.getString("edaban"),
				rs.getString("insured_name"), rs.getString("name"), rs.getString("name_kana"),
				rs.getDate("birth_date").toLocalDate(), rs.getString("relationship"),
				Decision.valueOf(rs.getString("decision")), ReviewRepository.PROPOSED.equals(rs.getString("approval")),
				loss == null ? null : loss.toLocalDate(), reason == null ? null : LossReason.valueOf(reason),
				rs.getString("note"), at == null ? null : at.toInstant(),
				approvedBy != null ? approvedBy : rs.getString("decided_by"), rs.getString("office_code"),
				rs.getString("office_name"));
	}

}
