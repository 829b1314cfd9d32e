package jp.kennin.review.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.review.Decision;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewView.DecisionState;
import jp.kennin.review.ReviewView.Step;
import jp.kennin.review.Reviews.ReviewSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The review's own tables (review_case, review_decision, review_event, review_setting),
 * always by tenant.
 */
@Repository
class ReviewRepository {

	static final String PROPOSED = "PROPOSED";

	static final String APPROVED = "APPROVED";

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Case(long id, long formId, int version, String memo) {
	}

	Optional<Case> find(long tenantId, long formId) {
		return jdbc
			.sql("select id, survey_form_id, version, memo from review_case where tenant_id = ? and survey_form_id = ?")
			.params(tenantId, formId)
			.query((rs, n) -> new Case(rs.getLong("id"), rs.getLong("survey_form_id"), rs.getInt("version"),
					rs.getString("memo")))
			.optional();
	}

	/**
	 * The form's review, created at its first start; a restart after a resubmission keeps
	 * the same one.
	 */
	Case open(long tenantId, long formId, long campaignId, String by, Instant at) {
		Optional<Case> existing = find(tenantId, formId);
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("""
				insert into review_case (tenant_id, survey_form_id, campaign_id, started_by, started_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(tenantId, formId, campaignId, by, Timestamp.from(at), Timestamp.from(at))
			.update();
		return find(tenantId, formId).orElseThrow();
	}

	/**
	 * Moves the version on if it is still {@code expected}; false when a colleague
	 * changed the review since (the caller then refuses the change, so nothing is
	 * overwritten).
	 */
	boolean bump(long tenantId, long caseId, int expected, Instant at) {
		return jdbc.sql(
				"update review_case set version = version + 1, updated_at = ? where tenant_id = ? and id = ? and version = ?")
			.params(Timestamp.from(at), tenantId, caseId, expected)
			.update() == 1;
	}

	void saveMemo(long tenantId, long caseId, String memo) {
		jdbc.sql("update review_case set memo = ? where tenant_id = ? and id = ?")
			.params(memo, tenantId, caseId)
			.update();
	}

	Map<Long, DecisionState> decisions(long tenantId, long caseId) {
		Map<Long, DecisionState> out = new LinkedHashMap<>();
		jdbc.sql("select * from review_decision where tenant_id = ? and review_case_id = ? and decision is not null")
			.params(tenantId, caseId)
			.query((rs, n) -> out.put(rs.getLong("dependent_id"), decision(rs)))
			.list();
		return out;
	}

	/**
	 * Sets the dependent's current decision; {@code approval} is PROPOSED, APPROVED or
	 * null.
	 */
	void decide(long tenantId, long caseId, long dependentId, Decision decision, String approval, LocalDate lossDate,
			LossReason reason, String note, String by, Instant at) {
		decide(tenantId, caseId, dependentId, decision, approval, lossDate, reason, note, by, at, null);
	}

	/**
	 * As above; {@code rebuttalEndsAt} is when a final 削除 stops being 削除予定 (null: final
	 * at once). Every change moves {@code changed_at}, which the core-system API pages
	 * by.
	 */
	void decide(long tenantId, long caseId, long dependentId, Decision decision, String approval, LocalDate lossDate,
			LossReason reason, String note, String by, Instant at, Instant rebuttalEndsAt) {
		Object[] values = { decision == null ? null : decision.name(), approval,
				lossDate == null ? null : Date.valueOf(lossDate), reason == null ? null : reason.name(), note, by,
				Timestamp.from(at), Timestamp.from(at),
				rebuttalEndsAt == null ? null : Timestamp.from(rebuttalEndsAt) };
		int updated = jdbc.sql("""
				update review_decision set decision = ?, approval = ?, loss_date = ?, reason = ?, note = ?,
				  decided_by = ?, decided_at = ?, changed_at = ?, rebuttal_ends_at = ?, approved_by = null
				where tenant_id = ? and review_case_id = ? and dependent_id = ?""")
			.params(append(values, tenantId, caseId, dependentId))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into review_decision (decision, approval, loss_date, reason, note, decided_by, decided_at,
					  changed_at, rebuttal_ends_at, tenant_id, review_case_id, dependent_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(append(values, tenantId, caseId, dependentId))
				.update();
		}
	}

	void approve(long tenantId, long caseId, long dependentId, String by, Instant at, Instant rebuttalEndsAt) {
		jdbc.sql("""
				update review_decision set approval = ?, approved_by = ?, changed_at = ?, rebuttal_ends_at = ?
				where tenant_id = ? and review_case_id = ? and dependent_id = ? and approval = ?""")
			.params(APPROVED, by, Timestamp.from(at), rebuttalEndsAt == null ? null : Timestamp.from(rebuttalEndsAt),
					tenantId, caseId, dependentId, PROPOSED)
			.update();
	}

	/**
	 * The member responded within the rebuttal window: the 削除 is undone (the dependent is
	 * undecided again, marked with the response) so staff review it once more.
	 */
	void reopenByRebuttal(long tenantId, long caseId, long dependentId, String message, Instant at) {
		jdbc.sql(
				"""
						update review_decision set decision = null, approval = null, approved_by = null, rebuttal_ends_at = null,
						  rebuttal_at = ?, rebuttal_message = ?, changed_at = ?
						where tenant_id = ? and review_case_id = ? and dependent_id = ?""")
			.params(Timestamp.from(at), message, Timestamp.from(at), tenantId, caseId, dependentId)
			.update();
	}

	void addEvent(long tenantId, long caseId, String kind, Long dependentId, String detail, String actor,
			String actorRole, Instant at) {
		jdbc.sql("""
				insert into review_event (tenant_id, review_case_id, kind, dependent_id, detail, actor, actor_role,
				  occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, caseId, kind, dependentId, detail, actor, actorRole, Timestamp.from(at))
			.update();
	}

	List<Step> history(long tenantId, long caseId) {
		return jdbc.sql("select * from review_event where tenant_id = ? and review_case_id = ? order by id")
			.params(tenantId, caseId)
			.query((rs, n) -> {
				long dependent = rs.getLong("dependent_id");
				return new Step(rs.getString("kind"), rs.wasNull() ? null : dependent, rs.getString("detail"),
						rs.getString("actor"), rs.getString("actor_role"), rs.getTimestamp("occurred_at").toInstant());
			})
			.list();
	}

	ReviewSettings settings(long tenantId) {
		return jdbc.sql("""
				select four_eyes, correction_days, reason_templates, bulk_sample_percent, blind_income,
				       income_tolerance_yen, rebuttal_days
				from review_setting where tenant_id = ?""")
			.param(tenantId)
			.query((rs, n) -> new ReviewSettings(rs.getBoolean("four_eyes"), rs.getInt("correction_days"),
					templates(rs.getString("reason_templates")), rs.getInt("bulk_sample_percent"),
					rs.getBoolean("blind_income"), rs.getInt("income_tolerance_yen"), rs.getInt("rebuttal_days")))
			.optional()
			.orElse(ReviewSettings.DEFAULT);
	}

	void saveSettings(long tenantId, ReviewSettings settings, Instant at) {
		Object[] values = { settings.fourEyes(), settings.correctionDays(),
				String.join("\n", settings.reasonTemplates()), settings.bulkSamplePercent(), settings.blindIncome(),
				settings.incomeToleranceYen(), settings.rebuttalDays(), Timestamp.from(at), tenantId };
		int updated = jdbc.sql("""
				update review_setting set four_eyes = ?, correction_days = ?, reason_templates = ?,
				       bulk_sample_percent = ?, blind_income = ?, income_tolerance_yen = ?, rebuttal_days = ?,
				       updated_at = ?
				where tenant_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into review_setting (four_eyes, correction_days, reason_templates, bulk_sample_percent,
					                            blind_income, income_tolerance_yen, rebuttal_days, updated_at,
					                            tenant_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
	}

	/**
	 * Templates are stored one a line; a row written before they existed has the
	 * defaults.
	 */
	private static List<String> templates(String stored) {
		if (stored == null) {
			return ReviewSettings.DEFAULT_REASON_TEMPLATES;
		}
		return stored.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	private static DecisionState decision(ResultSet rs) throws SQLException {
		Date loss = rs.getDate("loss_date");
		String reason = rs.getString("reason");
		Timestamp at = rs.getTimestamp("decided_at");
		return new DecisionState(Decision.valueOf(rs.getString("decision")), PROPOSED.equals(rs.getString("approval")),
				loss == null ? null : loss.toLocalDate(), reason == null ? null : LossReason.valueOf(reason),
				rs.getString("note"), rs.getString("decided_by"), at == null ? null : at.toInstant());
	}

	private static Object[] append(Object[] values, Object... more) {
		Object[] all = Arrays.copyOf(values, values.length + more.length);
		System.arraycopy(more, 0, all, values.length, more.length);
		return all;
	}

}
