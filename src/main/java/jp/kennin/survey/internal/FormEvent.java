package jp.kennin.survey.internal;

import java.time.Instant;

/**
 * One entry of a survey form's history: a submission with its 受付番号, a withdrawal of one,
 * or a document uploaded while the form was submitted (提出後に追加), and the review's steps.
 */
public record FormEvent(long id, Kind kind, String receiptNumber, Long documentId, Long subjectPersonId, String slot,
		String actorKind, Instant at) {

	public enum Kind {

		SUBMITTED, WITHDRAWN, DOCUMENT_ADDED,
		/**
		 * Staff started the review (審査中), returned the form (差し戻し) or completed it
		 * (確認完了).
		 */
		REVIEW_STARTED, RETURNED, REVIEW_COMPLETED

	}

	/**
	 * Submissions and withdrawals: what the member sees as the receipt number's history.
	 */
	public boolean receiptEvent() {
		return kind == Kind.SUBMITTED || kind == Kind.WITHDRAWN;
	}

}
