package jp.kennin.review.internal;

import java.util.Map;

import jp.kennin.review.BlindIncomes;
import jp.kennin.survey.SurveyBulkReview;
import jp.kennin.survey.SurveyReviewSteps;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveySubmitted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the form's 「収入の不一致」 mark that the review queue shows and filters by
 * (survey_form.income_mismatch, V97) in step with the blind entries: set when a figure is
 * entered, recomputed when the member resubmits, since a corrected income may now match
 * (or no longer match) what the reviewer read on the certificate.
 */
@Component
class IncomeMismatchFlags {

	private final SurveyReviewSteps forms;

	private final SurveyBulkReview marks;

	private final ReviewRepository reviews;

	private final IncomeEntryRepository entries;

	IncomeMismatchFlags(SurveyReviewSteps forms, SurveyBulkReview marks, ReviewRepository reviews,
			IncomeEntryRepository entries) {
		this.forms = forms;
		this.marks = marks;
		this.reviews = reviews;
		this.entries = entries;
	}

	/** After an entry, in its transaction. */
	void refresh(long tenantId, ReviewedForm form, long caseId) {
		Map<Long, IncomeEntryRepository.Entry> saved = entries.entries(tenantId, caseId);
		boolean mismatch = saved.values()
			.stream()
			.anyMatch(e -> e.mismatch(BlindIncomes.memberFigure(form.answers(e.dependentId()))));
		marks.markIncomeMismatch(tenantId, form.form().id(), mismatch);
	}

	/**
	 * In the submission's transaction; a first submission has no review and costs one
	 * look-up.
	 */
	@EventListener
	void submitted(SurveySubmitted event) {
		reviews.find(event.tenantId(), event.surveyFormId()).ifPresent(review -> {
			if (!entries.entries(event.tenantId(), review.id()).isEmpty()) {
				forms.find(event.tenantId(), event.surveyFormId())
					.ifPresent(form -> refresh(event.tenantId(), form, review.id()));
			}
		});
	}

}
