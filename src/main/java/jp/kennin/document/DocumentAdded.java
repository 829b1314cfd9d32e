package jp.kennin.document;

import java.time.Instant;

/**
 * A household stored a new document. Published inside the upload's transaction, so a
 * listener's records (e.g. the survey marking a document added after submission) commit
 * or roll back with it.
 */
public record DocumentAdded(long tenantId, String kigo, String bango, long documentId, Long subjectPersonId,
		String slot, Instant addedAt) {
}
