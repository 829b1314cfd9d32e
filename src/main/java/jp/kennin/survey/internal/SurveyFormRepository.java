package jp.kennin.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyForm;
import jp.kennin.survey.SurveyStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SurveyFormRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	SurveyFormRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The household's form, or empty if it is another household's or another tenant's.
	 */
	Optional<SurveyForm> findForHousehold(long tenantId, String kigo, String bango, long formId) {
		return jdbc.sql("select * from survey_form where tenant_id = ? and kigo = ? and bango = ? and id = ?")
			.params(tenantId, kigo, bango, formId)
			.query(SurveyFormRepository::map)
			.optional();
	}

	Optional<SurveyForm> find(long tenantId, long formId) {
		return jdbc.sql("select * from survey_form where tenant_id = ? and id = ?")
			.params(tenantId, formId)
			.query(SurveyFormRepository::map)
			.optional();
	}

	List<FormDependent> dependents(long tenantId, long formId) {
		return jdbc
			.sql("select * from survey_form_dependent where tenant_id = ? and survey_form_id = ? order by edaban")
			.params(tenantId, formId)
			.query((rs, n) -> {
				String category = rs.getString("relationship_category");
				return new FormDependent(rs.getLong("id"), rs.getLong("survey_form_id"), rs.getLong("roster_person_id"),
						rs.getString("edaban"), rs.getString("name"), rs.getString("name_kana"),
						rs.getDate("birth_date").toLocalDate(), rs.getString("relationship"),
						category == null ? null : RelationshipCategory.valueOf(category),
						(Boolean) rs.getObject("living_together", Boolean.class));
			})
			.list();
	}

	List<SurveyForm> ofCampaign(long tenantId, long campaignId) {
		return jdbc.sql("select * from survey_form where tenant_id = ? and campaign_id = ? order by kigo, bango")
			.params(tenantId, campaignId)
			.query(SurveyFormRepository::map)
			.list();
	}

	/**
	 * The dependents under survey of the given forms (one batch of an export), grouped by
	 * form.
	 */
	Map<Long, List<FormDependent>> dependentsOf(long tenantId, Collection<Long> formIds) {
		Map<Long, List<FormDependent>> out = new HashMap<>();
		if (formIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select d.* from survey_form_dependent d join survey_form f on f.id = d.survey_form_id
				where f.tenant_id = :tenant and d.survey_form_id in (:forms) order by d.survey_form_id, d.edaban""")
			.param("tenant", tenantId)
			.param("forms", formIds)
			.query((rs, n) -> {
				String category = rs.getString("relationship_category");
				FormDependent d = new FormDependent(rs.getLong("id"), rs.getLong("survey_form_id"),
						rs.getLong("roster_person_id"), rs.getString("edaban"), rs.getString("name"),
						rs.getString("name_kana"), rs.getDate("birth_date").toLocalDate(), rs.getString("relationship"),
						category == null ? null : RelationshipCategory.valueOf(category),
						(Boolean) rs.getObject("living_together", Boolean.class));
				out.computeIfAbsent(d.surveyFormId(), k -> new ArrayList<>()).add(d);
				return d;
			})
			.list();
		return out;
	}

	void saveHousehold(long tenantId, long formId, Long insuredIncome) {
		jdbc.sql("""
				update survey_form set insured_income = ?, household_answered = true, updated_at = ?,
				  status = case when status = 'NOT_STARTED' then 'IN_PROGRESS' else status end
				where tenant_id = ? and id = ?""").params(insuredIncome, now(), tenantId, formId).update();
	}

	/** Marks a not-yet-started form as in progress; no effect otherwise. */
	void markStarted(long tenantId, long formId) {
		jdbc.sql(
				"update survey_form set status = 'IN_PROGRESS', updated_at = ? where tenant_id = ? and id = ? and status = 'NOT_STARTED'")
			.params(now(), tenantId, formId)
			.update();
	}

	/**
	 * Submits the form if it is still open for answers. Returns false if another request
	 * got there first, which makes a double click or a resent POST a no-op.
	 */
	boolean submit(long tenantId, long formId, String receiptNumber) {
		return jdbc.sql("""
				update survey_form set status = 'SUBMITTED', receipt_number = ?, submitted_at = ?,
				  updated_at = ?, version = version + 1, documents_added = 0
				where tenant_id = ? and id = ? and status in ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED')""")
			.params(receiptNumber, now(), now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * Takes a submission back for editing, only while no reviewer has started on it. The
	 * form has no receipt number until it is submitted again (the history keeps the
	 * withdrawn one).
	 */
	boolean withdraw(long tenantId, long formId) {
		return jdbc.sql("""
				update survey_form set status = 'IN_PROGRESS', withdrawn_count = withdrawn_count + 1, updated_at = ?,
				  version = version + 1, receipt_number = null, submitted_at = null, documents_missing = 0,
				  documents_by_mail = 0, documents_added = 0
				where tenant_id = ? and id = ? and status = 'SUBMITTED' and review_started_at is null""")
			.params(now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * 審査中 from 提出済み (also a resubmission after a 差し戻し); false if the form is in another
	 * state, so two reviewers starting at once get one review.
	 */
	boolean startReview(long tenantId, long formId, String reviewer) {
		return jdbc.sql("""
				update survey_form set status = 'IN_REVIEW', review_started_at = ?, reviewer = ?, updated_at = ?,
				  version = version + 1
				where tenant_id = ? and id = ? and status = 'SUBMITTED'""")
			.params(now(), reviewer, now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * 差し戻し from 審査中 (or again on a returned form, replacing message and deadline): the
	 * member may change the returned parts until {@code correctionDeadline}. The receipt
	 * number and submission time stay (the history has them); the next submission gets a
	 * new number.
	 */
	boolean returnForCorrection(long tenantId, long formId, String message, Instant correctionDeadline) {
		return jdbc.sql("""
				update survey_form set status = 'RETURNED', return_message = ?, correction_deadline = ?,
				  returned_count = returned_count + 1, updated_at = ?, version = version + 1
				where tenant_id = ? and id = ? and status in ('IN_REVIEW', 'RETURNED')""")
			.params(message, Timestamp.from(correctionDeadline), now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * 確認完了 → 審査中 (a rebuttal reopened the review), marked 反論あり; false if the form was in
	 * another state (it is marked all the same).
	 */
	boolean reopenReview(long tenantId, long formId) {
		jdbc.sql("update survey_form set rebuttal_at = ? where tenant_id = ? and id = ?")
			.params(now(), tenantId, formId)
			.update();
		return jdbc.sql("""
				update survey_form set status = 'IN_REVIEW', completed_at = null, updated_at = ?, version = version + 1
				where tenant_id = ? and id = ? and status = 'COMPLETED'""")
			.params(now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * Lets the household add documents to the form until {@code until} (the later of this
	 * and an earlier window).
	 */
	void openDocumentsForRebuttal(long tenantId, long formId, Timestamp until) {
		jdbc.sql("""
				update survey_form set rebuttal_documents_until = ? where tenant_id = ? and id = ?
				  and (rebuttal_documents_until is null or rebuttal_documents_until < ?)""")
			.params(until, tenantId, formId, until)
			.update();
	}

	/** 確認完了 from 審査中; a 反論あり mark is done with. */
	boolean complete(long tenantId, long formId) {
		return jdbc.sql("""
				update survey_form set status = 'COMPLETED', completed_at = ?, updated_at = ?, version = version + 1,
				  rebuttal_at = null
				where tenant_id = ? and id = ? and status = 'IN_REVIEW'""")
			.params(now(), now(), tenantId, formId)
			.update() == 1;
	}

	/**
	 * Staff list counters from the form's document choices: missing (not added since), of
	 * which by post.
	 */
	void countMissingDocuments(long tenantId, long formId) {
		jdbc.sql("""
				update survey_form set
				  documents_missing = (select count(*) from survey_document_choice c
				    where c.survey_form_id = survey_form.id and c.document_added_at is null),
				  documents_by_mail = (select count(*) from survey_document_choice c
				    where c.survey_form_id = survey_form.id and c.document_added_at is null and c.choice = 'MAIL')
				where tenant_id = ? and id = ?""").params(tenantId, formId).update();
	}

	void countAddedDocument(long tenantId, long formId) {
		jdbc.sql("update survey_form set documents_added = documents_added + 1 where tenant_id = ? and id = ?")
			.params(tenantId, formId)
			.update();
	}

	/** The household's submitted forms (normally one; one per campaign at most). */
	List<Long> submittedForms(long tenantId, String kigo, String bango) {
		return jdbc
			.sql("select id from survey_form where tenant_id = ? and kigo = ? and bango = ? and status = 'SUBMITTED'")
			.params(tenantId, kigo, bango)
			.query(Long.class)
			.list();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	static SurveyForm map(ResultSet rs, int row) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp review = rs.getTimestamp("review_started_at");
		return new SurveyForm(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("campaign_id"),
				rs.getString("kigo"), rs.getString("bango"), rs.getLong("insured_person_id"),
				rs.getString("office_code"), rs.getString("office_name"),
				SurveyStatus.State.valueOf(rs.getString("status")), rs.getString("receipt_number"),
				rs.getInt("version"), submitted == null ? null : submitted.toInstant(),
				review == null ? null : review.toInstant(), (Long) rs.getObject("insured_income", Long.class),
				rs.getBoolean("household_answered"), review(rs));
	}

	private static SurveyForm.Review review(ResultSet rs) throws SQLException {
		Timestamp deadline = rs.getTimestamp("correction_deadline");
		Timestamp completed = rs.getTimestamp("completed_at");
		return new SurveyForm.Review(rs.getString("reviewer"), rs.getString("return_message"),
				deadline == null ? null : deadline.toInstant(), rs.getInt("returned_count"),
				completed == null ? null : completed.toInstant());
	}

}
