package jp.kennin.survey;

import java.time.Instant;
import java.util.List;

/**
 * The survey module's side of a 差し戻し for the review module: which parts of a returned
 * form the member may change, what changed by the 再提出, and the member's own steps for the
 * review history. Every method is scoped by tenant; another tenant's form has no parts,
 * no changes and no steps.
 */
public interface SurveyCorrections {

	/**
	 * One returned part: a dependent's answers and documents (documentId null) or only
	 * their documents (a reason about one document).
	 */
	record ReturnedPart(long dependentId, Long documentId) {
	}

	/**
	 * Opens the named parts of a form just returned
	 * ({@link SurveyReviewSteps#returnForCorrection}); everything else stays read-only
	 * for the member. Runs in the review's transaction.
	 */
	void openParts(long tenantId, long formId, List<ReturnedPart> parts);

	/**
	 * What the member changed since the submission staff returned: answers per question
	 * key (before and after) and documents added since the return.
	 */
	SurveyChanges changesSinceReturn(long tenantId, long formId);

	/**
	 * The member's steps on the form, oldest first: submissions (a 再提出 after a return),
	 * withdrawals and documents added after submission or after a return.
	 */
	List<MemberStep> memberSteps(long tenantId, long formId);

	/**
	 * One member step.
	 *
	 * @param kind SUBMITTED, RESUBMITTED, WITHDRAWN or DOCUMENT_ADDED
	 * @param dependentId the dependent a document is for, or null
	 * @param receiptNumber the 受付番号 of a submission or withdrawal
	 * @param reviewStepsBefore how many review steps on the form's state (review started,
	 * returned, completed) came before it, which orders it among staff steps taken at the
	 * same time
	 */
	record MemberStep(String kind, Long dependentId, String receiptNumber, Long documentId, Instant at,
			int reviewStepsBefore) {
	}

}
