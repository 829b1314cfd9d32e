package jp.kennin.survey;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What bulk approval reads and marks on a form (issue 12, screen 6), and the pre-check
 * result stored on submission that the queue filters by. Scoped by tenant: another
 * tenant's form is "not found". Runs in the caller's transaction.
 */
public interface SurveyBulkReview {

	/**
	 * A form as bulk approval judges it.
	 *
	 * @param version the form's version (changes with every step of member or staff), to
	 * tell a form that changed since the staff member selected it
	 * @param precheckWarnings eligibility warnings over all dependents, null if unknown
	 * @param dependentsLeaving dependents the member answered 削除する or 手続き中, null if
	 * unknown
	 * @param sampled set aside by an earlier bulk approval for individual review
	 */
	record Candidate(long formId, long campaignId, SurveyStatus.State status, int version, Integer precheckWarnings,
			Integer dependentsLeaving, int documentsMissing, int documentsByMail, boolean sampled,
			boolean bulkApproved) {

		/**
		 * No pre-check warning, nobody leaving, no document missing (none promised by
		 * post either), not set aside before, and 提出済み or 審査中. Whether a 審査中 form has
		 * decisions is the review module's to check.
		 */
		public boolean clean() {
			return precheckWarnings != null && precheckWarnings == 0 && dependentsLeaving != null
					&& dependentsLeaving == 0 && documentsMissing == 0 && documentsByMail == 0 && !sampled
					&& (status == SurveyStatus.State.SUBMITTED || status == SurveyStatus.State.IN_REVIEW);
		}

	}

	/** A form a bulk approval set aside, as its result page lists it. */
	record SetAside(long formId, String kigo, String bango, SurveyStatus.State status) {
	}

	Optional<Candidate> candidate(long tenantId, long formId);

	/** The forms the batch set aside, by 記号・番号. */
	List<SetAside> setAside(long tenantId, long batchId);

	/**
	 * Runs and stores the pre-check of the given handed-in forms that have none yet
	 * (forms submitted before it was stored); forms of other tenants are ignored.
	 * @return how many forms got their result
	 */
	int fillPrechecks(long tenantId, Collection<Long> formIds);

	/** Records that the form went through bulk approval in the batch. */
	void markBulkApproved(long tenantId, long formId, long batchId);

	/** Records that the batch set the form aside for individual review (「抽出」). */
	void markSampled(long tenantId, long formId, long batchId);

	/**
	 * The dependents under survey of a queue page's forms and their answers, read in two
	 * queries (the review module decides from them which forms bulk approval would
	 * accept); forms of other tenants are absent.
	 */
	Map<Long, FormDependents> dependents(long tenantId, Collection<Long> formIds);

	/**
	 * One form's dependents and the member's answers by dependent ID (absent when not
	 * answered).
	 */
	record FormDependents(List<FormDependent> dependents, Map<Long, DependentAnswers> answers) {

		public DependentAnswers answers(long dependentId) {
			return answers.getOrDefault(dependentId, DependentAnswers.empty(dependentId));
		}

	}

	/**
	 * Records whether a dependent of the form carries 「収入の不一致」 (blind double entry),
	 * which the review queue shows and filters by
	 * ({@link ReviewQueue.Filter#incomeMismatch}).
	 */
	void markIncomeMismatch(long tenantId, long formId, boolean mismatch);

}
