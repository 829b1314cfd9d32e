package jp.kennin.document;

/**
 * Audit event types written by the document module ({@code audit_event.type} is the
 * constant's name). The target is {@code document:<id>}.
 */
public enum DocumentAuditEvent {

	/** A member uploaded a document. Details: {@code slot}, {@code kind}. */
	DOCUMENT_UPLOADED,
	/** A member deleted a document (before submission). */
	DOCUMENT_DELETED,
	/**
	 * Staff opened a document or its thumbnail. Details: {@code owner}, {@code view}
	 * ({@code document}, {@code thumbnail}).
	 */
	DOCUMENT_VIEWED_BY_STAFF,
	// --- proxy ---
	/**
	 * Staff uploaded a scanned document for a household on the member's behalf (代行入力).
	 * Details: {@code owner}, {@code slot}, {@code kind}.
	 */
	DOCUMENT_UPLOADED_BY_STAFF,
	// --- reliability ---
	/**
	 * The virus scan (ClamAV) found a virus in an upload: it is never served, the member
	 * is asked for another file. Actor SYSTEM. Details: {@code owner}, {@code slot},
	 * {@code signature} (clamd's name for the finding).
	 */
	DOCUMENT_INFECTED

}
