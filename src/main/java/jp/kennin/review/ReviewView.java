package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyReviewSteps.ReviewedForm;
import jp.kennin.survey.SurveyStatus;

/**
 * One form as the review screen shows it.
 *
 * @param version the review's version, sent back with every change; 0 before the review
 * started
 * @param decisions by dependent ID; a dependent without a row is undecided
 * @param history the review's steps, oldest first
 * @param documentChecks every document of the form's dependents by document ID, in the
 * order shown, with its current 確認済 or 不備 (unchecked ones included)
 */
public record ReviewView(ReviewedForm form, boolean started, int version, String memo,
		Map<Long, DecisionState> decisions, List<Step> history, Reviews.ReviewSettings settings,
		Map<Long, DocumentState> documentChecks) {

	public DecisionState decision(long dependentId) {
		return decisions.getOrDefault(dependentId, DecisionState.UNDECIDED);
	}

	public boolean inReview() {
		return form.form().status() == SurveyStatus.State.IN_REVIEW;
	}

	/** Every dependent 継続 or an approved 削除. */
	public boolean completable() {
		return form.dependents().stream().map(FormDependent::id).map(this::decision).allMatch(DecisionState::settled);
	}

	/**
	 * A dependent's decision.
	 *
	 * @param proposed a 削除 waiting for a TENANT_ADMIN
	 */
	public record DecisionState(Decision decision, boolean proposed, LocalDate lossDate, LossReason reason, String note,
			String decidedBy, Instant decidedAt) {

		public static final DecisionState UNDECIDED = new DecisionState(null, false, null, null, null, null, null);

		/** Counts toward 確認完了. */
		public boolean settled() {
			return decision == Decision.CONTINUE || (decision == Decision.REMOVE && !proposed);
		}

	}

	/** The document's current check; unchecked for a document the view does not list. */
	public DocumentState documentCheck(long documentId) {
		return documentChecks.getOrDefault(documentId, DocumentState.UNKNOWN);
	}

	/**
	 * Every document of the form's dependents is 確認済 (true when there is none), so a form
	 * may go through bulk approval.
	 */
	public boolean allDocumentsConfirmed() {
		return documentChecks.values().stream().allMatch(DocumentState::confirmed);
	}

	/** The 不備 documents by document ID, offered as reasons of a 差し戻し. */
	public Map<Long, DocumentState> deficientDocuments() {
		Map<Long, DocumentState> out = new LinkedHashMap<>();
		documentChecks.forEach((id, state) -> {
			if (state.deficient()) {
				out.put(id, state);
			}
		});
		return out;
	}

	/** The reason value the review screen offers when no template fits. */
	public String otherDocumentReason() {
		return DocumentCheck.OTHER_REASON;
	}

	/**
	 * A document of the form and its current check.
	 *
	 * @param dependentId the form dependent the document is about
	 * @param result null while unchecked
	 * @param reason for 不備: the template or その他
	 */
	public record DocumentState(long dependentId, String documentName, DocumentCheck.Result result, String reason,
			String note, String checkedBy, Instant checkedAt) {

		static final DocumentState UNKNOWN = new DocumentState(0, null, null, null, null, null, null);

		public static DocumentState unchecked(long dependentId, String documentName) {
			return new DocumentState(dependentId, documentName, null, null, null, null, null);
		}

		public boolean checked() {
			return result != null;
		}

		public boolean confirmed() {
			return result == DocumentCheck.Result.CONFIRMED;
		}

		public boolean deficient() {
			return result == DocumentCheck.Result.DEFICIENT;
		}

		/** The 不備 as staff and the member read it: the reason and the note. */
		public String reasonText() {
			if (reason == null || DocumentCheck.OTHER_REASON.equals(reason)) {
				return note == null ? (reason == null ? "" : reason) : note;
			}
			return note == null ? reason : reason + "（" + note + "）";
		}

		/** The text of a 差し戻し reason: which document and what is wrong. */
		public String returnReason() {
			return documentName + "：" + reasonText();
		}

	}

	/** One entry of the review history. */
	public record Step(String kind, Long dependentId, String detail, String actor, String actorRole, Instant at) {
	}

}
