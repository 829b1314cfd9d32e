package jp.kennin.review;

import java.time.LocalDate;
import java.util.List;

/**
 * The member's side of the rebuttal window: the household's removals that are 削除予定, and a
 * response to one of them (a message and any documents, stored with the form as 「提出後に追加」
 * for that dependent), which undoes the 削除 and puts the dependent back in the review,
 * marked 反論あり, in one transaction with its history entry and audit record
 * ({@link ReviewAuditEvent#REBUTTAL_RECEIVED}). Another household's removal is "not
 * found".
 */
public interface Rebuttals {

	/** Longest response, in characters. */
	int MESSAGE_MAX = 2000;

	/** Most documents one response may bring. */
	int ATTACHMENTS_MAX = 5;

	/**
	 * The refusal of more than {@link #ATTACHMENTS_MAX} files (the file field's message).
	 */
	String TOO_MANY_FILES = "review.rebuttal.problem.tooManyFiles";

	/** A file sent with the response, as uploaded. */
	record Attachment(String originalName, byte[] content) {
	}

	/** The logged-in member acting for their household. */
	record MemberActor(long tenantId, String kigo, String bango, String userId, String ip) {
	}

	/**
	 * A removal the member may still respond to.
	 *
	 * @param lastDay the window's last day (Japan date)
	 */
	record ScheduledRemoval(long decisionId, long formId, String campaignTitle, String dependentName,
			String relationship, LocalDate lossDate, LossReason reason, LocalDate lastDay) {
	}

	/** The household's removals within their window, oldest first. */
	List<ScheduledRemoval> scheduled(MemberActor member);

	/**
	 * Responds to a scheduled removal: the documents are stored for the dependent, and
	 * the dependent is undecided again and back in the review queue (a completed form
	 * returns to 審査中), marked 反論あり. Nothing is kept if any of it is refused.
	 * @throws ReviewProblem without a message, with a longer one, with more than
	 * {@link #ATTACHMENTS_MAX} files, or once the window ended
	 * @throws jp.kennin.document.DocumentRejectedException for a file Kennin does not
	 * keep (its reason)
	 */
	void respond(MemberActor member, long decisionId, String message, List<Attachment> attachments);

}
