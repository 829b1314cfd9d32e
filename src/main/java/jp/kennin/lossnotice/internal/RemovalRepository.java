package jp.kennin.lossnotice.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jp.kennin.review.LossReason;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads final removals from the review's decisions joined with the form's household and
 * dependent (the review's and survey's tables, read only, as the review's own exports
 * do). "Final" is the exports' rule, in one place, {@link #FINAL}: 削除 with approval
 * {@code APPROVED} (a TENANT_ADMIN's own removal, or a reviewer's proposal once approved)
 * whose rebuttal window (「削除予定」) has ended or was never set. A notice or a 資格喪失証明書 for a
 * removal the member may still answer would certify what can yet be undone.
 */
@Repository
class RemovalRepository {

	static final String FINAL = "rd.decision = 'REMOVE' and rd.approval = 'APPROVED'"
			+ " and (rd.rebuttal_ends_at is null or rd.rebuttal_ends_at <= ?)";

	private static final String SELECT = """
			select f.id as form_id, f.campaign_id, f.status, f.kigo, f.bango, p.name as insured_name,
			       d.id as dependent_id, d.edaban, d.name, d.name_kana, d.birth_date, d.relationship,
			       rp.qualified_on, rd.loss_date, rd.reason, c.title
			from review_case rc
			join review_decision rd on rd.review_case_id = rc.id and rd.tenant_id = rc.tenant_id
			join survey_form f on f.id = rc.survey_form_id and f.tenant_id = rc.tenant_id
			join campaign c on c.id = f.campaign_id and c.tenant_id = f.tenant_id
			join survey_form_dependent d on d.id = rd.dependent_id and d.tenant_id = rd.tenant_id
			left join roster_person p on p.id = f.insured_person_id and p.tenant_id = f.tenant_id
			left join roster_person rp on rp.id = d.roster_person_id and rp.tenant_id = d.tenant_id
			where\s""" + FINAL + " ";

	private final JdbcClient jdbc;

	private final JdbcTemplate cursor;

	private final Clock clock;

	RemovalRepository(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// A campaign's bulk download streams through a cursor (PostgreSQL needs a fetch
		// size inside a transaction for that).
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(200);
	}

	/** The final removals of one form of the tenant, in 枝番 order. */
	List<FinalRemoval> ofForm(long tenantId, long formId) {
		return jdbc.sql(SELECT + "and rc.tenant_id = ? and rc.survey_form_id = ? order by d.edaban, d.id")
			.params(now(), tenantId, formId)
			.query((rs, n) -> removal(rs))
			.list();
	}

	/**
	 * Hands each final removal of the campaign to {@code each} in 記号・番号・枝番 order; the
	 * caller's transaction must be open.
	 */
	void streamCampaign(long tenantId, long campaignId, Consumer<FinalRemoval> each) {
		cursor.query(SELECT + "and rc.tenant_id = ? and rc.campaign_id = ? order by f.kigo, f.bango, d.edaban, d.id",
				(ResultSet rs) -> {
					each.accept(removal(rs));
				}, now(), tenantId, campaignId);
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static FinalRemoval removal(ResultSet rs) throws SQLException {
		Date qualified = rs.getDate("qualified_on");
		Date loss = rs.getDate("loss_date");
		String reason = rs.getString("reason");
		return new FinalRemoval(rs.getLong("form_id"), rs.getLong("campaign_id"),
				"COMPLETED".equals(rs.getString("status")), rs.getString("kigo"), rs.getString("bango"),
				rs.getString("insured_name"), rs.getLong("dependent_id"), rs.getString("edaban"), rs.getString("name"),
				rs.getString("name_kana"), rs.getDate("birth_date").toLocalDate(), rs.getString("relationship"),
				qualified == null ? null : qualified.toLocalDate(), loss == null ? null : loss.toLocalDate(),
				reason == null ? null : LossReason.valueOf(reason), rs.getString("title"));
	}

}
