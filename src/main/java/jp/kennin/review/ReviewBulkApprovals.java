package jp.kennin.review;

import java.time.Instant;
import java.util.List;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.SurveyBulkReview;

import org.springframework.security.access.AccessDeniedException;

/**
 * Bulk approval of clean forms (issue 12, screen 6): 「一括で継続・確認完了」 for forms with no
 * pre-check warning, no dependent leaving and every required document uploaded (or none
 * required), after a confirmation with the count. A random share (the tenant's
 * {@link Reviews.ReviewSettings#bulkSamplePercent()}) is set aside for individual review
 * instead. The rest go through the same steps as an individual review (start, 継続 for
 * every dependent, 確認完了), each form in a transaction of its own: a form that changed
 * since it was selected, is no longer clean, or is not the actor's tenant's is skipped
 * and counted, never failing the batch. Bulk approval decides 継続 only, never 削除.
 * TENANT_ADMIN and REVIEWER only ({@link AccessDeniedException} otherwise); another
 * tenant's campaign is "not found".
 */
public interface ReviewBulkApprovals {

	/** At most this many forms in one batch (the queue offers a page of 50 at a time). */
	int MAX_FORMS = 500;

	/** A selected form and the version of it the staff member saw in the queue. */
	record Selection(long formId, int version) {
	}

	/**
	 * What a confirmation would do.
	 *
	 * @param eligible the selected forms that are clean now
	 * @param notEligible selected forms that would be skipped (changed, not clean, not
	 * found)
	 * @param toSample how many of the eligible forms will be set aside for individual
	 * review
	 */
	record Preview(Campaign campaign, List<Selection> eligible, int notEligible, int toSample, int samplePercent) {

		public int toApprove() {
			return eligible.size() - toSample;
		}

	}

	/**
	 * What a bulk approval did.
	 *
	 * @param sampledForms the forms set aside, now 審査中 and marked 「抽出」
	 */
	record Result(long batchId, int selected, int approved, int sampled, int skipped, List<Long> sampledForms) {
	}

	/**
	 * A finished batch as its result page shows it.
	 *
	 * @param setAside the forms set aside for individual review (「抽出」)
	 */
	record Batch(long id, Campaign campaign, String actor, Instant startedAt, int samplePercent, int selected,
			int approved, int sampled, int skipped, List<SurveyBulkReview.SetAside> setAside) {
	}

	/**
	 * A batch of the actor's tenant; audited as
	 * {@link ReviewAuditEvent#BULK_BATCH_VIEWED}.
	 */
	Batch batch(ReviewActor actor, long campaignId, long batchId);

	/**
	 * The confirmation's figures; writes nothing but its audit record
	 * ({@link ReviewAuditEvent#BULK_APPROVAL_PREVIEWED}).
	 */
	Preview preview(ReviewActor actor, long campaignId, List<Selection> selected);

	/**
	 * Sets the sample aside and approves the rest; each form records its batch and a
	 * {@link ReviewAuditEvent#BULK_FORM_APPROVED} or
	 * {@link ReviewAuditEvent#BULK_FORM_SAMPLED}, the batch a
	 * {@link ReviewAuditEvent#BULK_APPROVED}.
	 */
	Result approve(ReviewActor actor, long campaignId, List<Selection> selected);

	/**
	 * How many of {@code eligible} forms are set aside at {@code percent}: rounded, at
	 * least one when both are above zero.
	 */
	static int sampleSize(int eligible, int percent) {
		if (eligible <= 0 || percent <= 0) {
			return 0;
		}
		long share = Math.round(eligible * (double) Math.min(percent, 100) / 100);
		return (int) Math.max(1, Math.min(eligible, share));
	}

}
