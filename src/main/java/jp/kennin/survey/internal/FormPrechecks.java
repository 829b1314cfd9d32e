package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyBulkReview;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyStatus;
import jp.kennin.survey.SurveySubmitted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the eligibility pre-check of a form when it is submitted (in the submission's
 * transaction), so the queue can filter by it and bulk approval can tell clean forms
 * without running the rules for 100,000 forms; and the bulk approval marks.
 */
@Service
@Transactional
class FormPrechecks implements SurveyBulkReview {

	private static final Logger log = LoggerFactory.getLogger(FormPrechecks.class);

	private static final int CODES_LENGTH = 1000;

	private final SurveyReviewSteps forms;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SurveyFormRepository formRows;

	private final AnswerRepository answers;

	FormPrechecks(SurveyReviewSteps forms, JdbcClient jdbc, Clock clock, SurveyFormRepository formRows,
			AnswerRepository answers) {
		this.forms = forms;
		this.jdbc = jdbc;
		this.clock = clock;
		this.formRows = formRows;
		this.answers = answers;
	}

	/**
	 * Every submission (first, after a withdrawal, after a 差し戻し) gets the result of the
	 * answers it handed in. A failing rule never blocks the submission: the result stays
	 * unknown and the queue fills it later.
	 */
	@EventListener
	void submitted(SurveySubmitted event) {
		try {
			store(event.tenantId(), event.surveyFormId());
		}
		catch (RuntimeException ex) {
			log.warn("pre-check of form {} not stored: {}", event.surveyFormId(), ex.toString());
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Candidate> candidate(long tenantId, long formId) {
		return jdbc.sql("""
				select id, campaign_id, status, version, precheck_warnings, dependents_leaving, documents_missing,
				  documents_by_mail, bulk_sampled, bulk_approved_at
				from survey_form where tenant_id = ? and id = ?""")
			.params(tenantId, formId)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("campaign_id"),
					SurveyStatus.State.valueOf(rs.getString("status")), rs.getInt("version"),
					rs.getObject("precheck_warnings", Integer.class), rs.getObject("dependents_leaving", Integer.class),
					rs.getInt("documents_missing"), rs.getInt("documents_by_mail"), rs.getBoolean("bulk_sampled"),
					rs.getTimestamp("bulk_approved_at") != null))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SetAside> setAside(long tenantId, long batchId) {
		return jdbc
			.sql("""
					select id, kigo, bango, status from survey_form where tenant_id = ? and bulk_batch_id = ? and bulk_sampled
					order by kigo, bango""")
			.params(tenantId, batchId)
			.query((rs, n) -> new SetAside(rs.getLong("id"), rs.getString("kigo"), rs.getString("bango"),
					SurveyStatus.State.valueOf(rs.getString("status"))))
			.list();
	}

	@Override
	public int fillPrechecks(long tenantId, Collection<Long> formIds) {
		int filled = 0;
		for (long formId : formIds) {
			boolean unknown = jdbc.sql("""
					select count(*) from survey_form where tenant_id = ? and id = ? and precheck_warnings is null
					  and status in ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'COMPLETED')""")
				.params(tenantId, formId)
				.query(Integer.class)
				.single() > 0;
			if (unknown && store(tenantId, formId)) {
				filled++;
			}
		}
		return filled;
	}

	@Override
	public void markBulkApproved(long tenantId, long formId, long batchId) {
		jdbc.sql("update survey_form set bulk_batch_id = ?, bulk_approved_at = ? where tenant_id = ? and id = ?")
			.params(batchId, Timestamp.from(clock.instant()), tenantId, formId)
			.update();
	}

	@Override
	public void markSampled(long tenantId, long formId, long batchId) {
		jdbc.sql("update survey_form set bulk_batch_id = ?, bulk_sampled = true where tenant_id = ? and id = ?")
			.params(batchId, tenantId, formId)
			.update();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, FormDependents> dependents(long tenantId, Collection<Long> formIds) {
		Map<Long, FormDependents> out = new HashMap<>();
		if (formIds.isEmpty()) {
			return out;
		}
		Map<Long, List<FormDependent>> byForm = formRows.dependentsOf(tenantId, formIds);
		Map<Long, DependentAnswers> all = byForm.isEmpty() ? Map.of() : answers.forForms(tenantId, byForm.keySet());
		byForm.forEach((formId, list) -> out.put(formId, new FormDependents(list, all)));
		return out;
	}

	@Override
	public void markIncomeMismatch(long tenantId, long formId, boolean mismatch) {
		jdbc.sql("update survey_form set income_mismatch = ? where tenant_id = ? and id = ?")
			.params(mismatch, tenantId, formId)
			.update();
	}

	private boolean store(long tenantId, long formId) {
		var form = forms.find(tenantId, formId);
		if (form.isEmpty()) {
			return false;
		}
		Map<Long, EligibilityResult> results = forms.precheck(form.get());
		int warnings = 0;
		int leaving = 0;
		Set<String> codes = new LinkedHashSet<>();
		for (FormDependent d : form.get().dependents()) {
			if (!form.get().answers(d.id()).staying()) {
				leaving++;
			}
			EligibilityResult result = results.get(d.id());
			if (result != null) {
				warnings += result.warnings().size();
				codes.addAll(result.warningCodes());
			}
		}
		String joined = String.join(",", codes);
		jdbc.sql("""
				update survey_form set precheck_warnings = ?, precheck_codes = ?, dependents_leaving = ?
				where tenant_id = ? and id = ?""")
			.params(warnings, joined.isEmpty() ? null : joined.substring(0, Math.min(CODES_LENGTH, joined.length())),
					leaving, tenantId, formId)
			.update();
		return true;
	}

}
