package jp.kennin.review;

import java.time.LocalDate;
import java.util.List;

/**
 * The member's side of the rebuttal window: the household's removals that are 削除予定, and a
 * response to one of them (a message; documents go through the survey's upload as
 * 「提出後に追加」), which undoes the 削除 and puts the dependent back in the review, marked, in
 * one transaction with its history entry and audit record
 * ({@link ReviewAuditEvent#REBUTTAL_RECEIVED}). Another household's removal is "not
 * found".
 */
public interface Rebuttals {

	/** Longest response, in characters. */
	int MESSAGE_MAX = 2000;

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
	 * Responds to a scheduled removal: the dependent is undecided again and back in the
	 * review queue (a completed form returns to 審査中), marked 反論あり.
	 * @throws ReviewProblem without a message, with a longer one, or once the window
	 * ended
	 */
	void respond(MemberActor member, long decisionId, String message);

}
