package jp.kennin.review;

import org.springframework.security.access.AccessDeniedException;

/**
 * 「確認済」 and 「不備」 per submitted document of a form under review. Like the other review
 * steps it takes the {@link ReviewActor} (TENANT_ADMIN or REVIEWER, else
 * {@link AccessDeniedException}), works only on the actor's tenant, checks the review's
 * version, writes {@link ReviewAuditEvent#DOCUMENT_CHECKED} and a history entry, and runs
 * in one transaction.
 */
public interface DocumentChecks {

	/**
	 * Records the document's current check; a later check of the same document replaces
	 * it (the history keeps the earlier one). The document must be one of the form's
	 * dependents' documents in the actor's tenant, else "not found".
	 * @throws ReviewProblem unless the form is 審査中, when the version is stale, or when a
	 * 不備 has no reason (a template, or その他 with a note)
	 */
	void checkDocument(ReviewActor actor, long formId, int version, long documentId, DocumentCheck check);

}
