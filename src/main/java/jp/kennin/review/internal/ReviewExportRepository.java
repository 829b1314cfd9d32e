package jp.kennin.review.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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

	/** The rows' columns and joins, without the filter. */
	private static final String SELECT = """
			select f.kigo, f.bango, d.edaban, p.name as insured_name, d.name, d.name_kana, d.birth_date,
			       d.relationship, rd.decision, rd.approval, rd.loss_date, rd.reason, rd.note, rd.decided_by,
			       rd.decided_at, rd.approved_by, f.office_code, f.office_name, rd.id as decision_id, rd.changed_at,
			       rd.rebuttal_ends_at,
			       case when rd.approved_by is not null then
			         (select max(e.occurred_at) from review_event e
			          where e.tenant_id = rd.tenant_id and e.review_case_id = rd.review_case_id
			            and e.dependent_id = rd.dependent_id and e.kind = 'REMOVAL_APPROVED') end as approved_at
			from review_case rc
			join review_decision rd on rd.review_case_id = rc.id and rd.tenant_id = rc.tenant_id
			join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
			join survey_form_dependent d on d.id = rd.dependent_id and d.tenant_id = rd.tenant_id
			left join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
			""";

	private final JdbcTemplate cursor;

	private final JdbcTemplate paged;

	ReviewExportRepository(DataSource dataSource) {
		this.paged = new JdbcTemplate(dataSource);
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
			LossReason reason, String note, Instant decidedAt, String decidedBy, String officeCode, String officeName,
			long id, Instant changedAt, Instant rebuttalEndsAt) {

		/** A 削除 that is final for the review (approved, or needing no approval). */
		boolean finalRemoval() {
			return decision == Decision.REMOVE && !proposed;
		}

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
		cursor.query(SELECT + """
				where rc.tenant_id = ? and rc.campaign_id = ? and rd.decision is not null
				""" + filter + " order by f.kigo, f.bango, d.edaban, d.id", (ResultSet rs) -> {
			handler.handle(row(rs, "changed_at"));
		}, tenantId, campaignId);
	}

	/** A position in the change order: after this change time, then after this ID. */
	record Cursor(Instant changedAt, long id) {
	}

	/**
	 * The determinations (decided, or undecided again after a decision) that changed
	 * after {@code after}, oldest change first, at most {@code limit}. A removal whose
	 * rebuttal window ended by {@code now} counts as changed at the window's end (it
	 * became 確定 then), so a core system that fetches from its last position sees it once
	 * more.
	 */
	List<Row> changes(long tenantId, long campaignId, Cursor after, Instant now, int limit) {
		Timestamp at = Timestamp.from(after.changedAt());
		return paged.query("""
				select * from (
				select case when rd.rebuttal_ends_at is not null and rd.rebuttal_ends_at <= ?
				         and rd.rebuttal_ends_at > rd.changed_at then rd.rebuttal_ends_at else rd.changed_at end
				       as change_at, """ + SELECT.substring("select ".length()) + """
				where rc.tenant_id = ? and rc.campaign_id = ? and rd.changed_at is not null) x
				where x.change_at > ? or (x.change_at = ? and x.decision_id > ?)
				order by x.change_at, x.decision_id fetch first ? rows only""", (rs, n) -> row(rs, "change_at"),
				Timestamp.from(now), tenantId, campaignId, at, at, after.id(), limit);
	}

	/**
	 * A household that did not submit (未着手 or 回答中; a withdrawn submission is 回答中).
	 *
	 * @param registered the insured person has an active member account
	 */
	record NonRespondent(String officeCode, String officeName, String kigo, String bango, String insuredName,
			String insuredKana, int dependents, String status, boolean registered) {
	}

	/** Hands each household that did not submit to {@code handler}, by office, 記号, 番号. */
	void nonRespondents(long tenantId, long campaignId, Consumer<NonRespondent> handler) {
		cursor.query("""
				select f.office_code, f.office_name, f.kigo, f.bango, f.status, p.name, p.name_kana,
				       (select count(*) from survey_form_dependent d
				        where d.tenant_id = f.tenant_id and d.survey_form_id = f.id) as dependents,
				       a.id as account_id
				from survey_form f
				left join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
				left join member_account a on a.tenant_id = f.tenant_id and a.roster_person_id = f.insured_person_id
				                          and a.status = 'ACTIVE'
				where f.tenant_id = ? and f.campaign_id = ? and f.status in ('NOT_STARTED', 'IN_PROGRESS')
				order by f.office_code nulls first, f.kigo, f.bango""", (ResultSet rs) -> {
			rs.getLong("account_id");
			boolean registered = !rs.wasNull();
			handler.accept(new NonRespondent(rs.getString("office_code"), rs.getString("office_name"),
					rs.getString("kigo"), rs.getString("bango"), rs.getString("name"), rs.getString("name_kana"),
					rs.getInt("dependents"), rs.getString("status"), registered));
		}, tenantId, campaignId);
	}

	/**
	 * One office's figures: households (forms) and dependents under survey, households
	 * whose insured person has an account, that submitted (提出済み and later), that were
	 * returned at least once, and dependents decided and finally removed.
	 */
	record OfficeCounts(String officeCode, String officeName, long households, long dependents, long registered,
			long submitted, long returned, long decided, long removed) {
	}

	/** The campaign's figures per office (office code order), one query. */
	List<OfficeCounts> statistics(long tenantId, long campaignId) {
		return paged.query("""
				select f.office_code, max(f.office_name) as office_name, count(*) as households,
				       coalesce(sum(dc.n), 0) as dependents,
				       sum(case when a.id is not null then 1 else 0 end) as registered,
				       sum(case when f.status in ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'COMPLETED') then 1 else 0 end)
				         as submitted,
				       sum(case when f.returned_count > 0 then 1 else 0 end) as returned,
				       coalesce(sum(rs.decided), 0) as decided, coalesce(sum(rs.removed), 0) as removed
				from survey_form f
				left join (select survey_form_id, count(*) as n from survey_form_dependent where tenant_id = ?
				           group by survey_form_id) dc on dc.survey_form_id = f.id
				left join (select rc.survey_form_id, count(rd.decision) as decided,
				                  sum(case when rd.decision = 'REMOVE' and rd.approval = 'APPROVED' then 1 else 0 end)
				                    as removed
				           from review_case rc
				           join review_decision rd on rd.review_case_id = rc.id and rd.tenant_id = rc.tenant_id
				           where rc.tenant_id = ? and rc.campaign_id = ?
				           group by rc.survey_form_id) rs on rs.survey_form_id = f.id
				left join member_account a on a.tenant_id = f.tenant_id and a.roster_person_id = f.insured_person_id
				                          and a.status = 'ACTIVE'
				where f.tenant_id = ? and f.campaign_id = ?
				group by f.office_code
				order by f.office_code nulls first""",
				(rs, n) -> new OfficeCounts(rs.getString("office_code"), rs.getString("office_name"),
						rs.getLong("households"), rs.getLong("dependents"), rs.getLong("registered"),
						rs.getLong("submitted"), rs.getLong("returned"), rs.getLong("decided"), rs.getLong("removed")),
				tenantId, tenantId, campaignId, tenantId, campaignId);
	}

	private static Row row(ResultSet rs, String changeColumn) throws SQLException {
		Date loss = rs.getDate("loss_date");
		String reason = rs.getString("reason");
		String approvedBy = rs.getString("approved_by");
		Timestamp approvedAt = rs.getTimestamp("approved_at");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		Timestamp at = approvedBy != null && approvedAt != null ? approvedAt : decidedAt;
		String decision = rs.getString("decision");
		Timestamp changedAt = rs.getTimestamp(changeColumn);
		Timestamp rebuttalEnds = rs.getTimestamp("rebuttal_ends_at");
		return new Row(rs.getString("kigo"), rs.getString("bango"), rs.getString("edaban"),
				rs.getString("insured_name"), rs.getString("name"), rs.getString("name_kana"),
				rs.getDate("birth_date").toLocalDate(), rs.getString("relationship"),
				decision == null ? null : Decision.valueOf(decision),
				ReviewRepository.PROPOSED.equals(rs.getString("approval")), loss == null ? null : loss.toLocalDate(),
				reason == null ? null : LossReason.valueOf(reason), rs.getString("note"),
				at == null ? null : at.toInstant(), approvedBy != null ? approvedBy : rs.getString("decided_by"),
				rs.getString("office_code"), rs.getString("office_name"), rs.getLong("decision_id"),
				changedAt == null ? null : changedAt.toInstant(),
				rebuttalEnds == null ? null : rebuttalEnds.toInstant());
	}

}
