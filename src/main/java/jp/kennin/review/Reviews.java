package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;

/**
 * The review use cases. Each takes the {@link ReviewActor}, refuses
 * ({@link AccessDeniedException}) staff who may not do it, works only on forms of the
 * actor's tenant (another tenant's form is "not found"), writes its
 * {@link ReviewAuditEvent} and runs in one transaction. Every change after the start
 * takes the review's {@code version} as the staff member saw it and is refused with
 * {@link ReviewProblem#STALE} when a colleague changed the review meanwhile, so nobody's
 * decision is silently overwritten.
 */
public interface Reviews {

	/** The review screen's content; audited as {@link ReviewAuditEvent#REVIEW_VIEWED}. */
	ReviewView view(ReviewActor actor, long formId);

	/**
	 * 「審査を始める」: 提出済み → 審査中, assigned to the actor; the member can no longer withdraw.
	 * @throws ReviewProblem unless the form is 提出済み (or a colleague started first)
	 */
	void start(ReviewActor actor, long formId);

	/**
	 * Decides one dependent. Under the four-eyes setting a REVIEWER's 削除 is a proposal
	 * until a TENANT_ADMIN approves it; a TENANT_ADMIN's own 削除 is final.
	 * @throws ReviewProblem unless 審査中, or when 喪失日 and 事由 (削除) or the note (保留) are
	 * missing
	 */
	void decide(ReviewActor actor, long formId, int version, long dependentId, DependentDecision decision);

	/**
	 * A TENANT_ADMIN approves a colleague's 削除 proposal.
	 * @throws ReviewProblem if there is no proposal or it is the actor's own
	 */
	void approveRemoval(ReviewActor actor, long formId, int version, long dependentId);

	/**
	 * A TENANT_ADMIN sends a 削除 proposal back: the dependent is undecided again, with the
	 * admin's note.
	 */
	void sendBackRemoval(ReviewActor actor, long formId, int version, long dependentId, String note);

	/** The staff-only memo of the form (never shown to the member). */
	void saveMemo(ReviewActor actor, long formId, int version, String memo);

	/**
	 * 差し戻し: 審査中 → 差し戻し with a message to the member, at least one reason and a correction
	 * deadline (null: the tenant's default number of days, capped at the campaign's
	 * deadline). The member is mailed. A returned form may be returned again, e.g. with a
	 * new deadline once the member's passed; the new reasons replace the earlier ones.
	 * @throws ReviewProblem without message or reason, or with a deadline in the past or
	 * after the campaign's deadline (unless late submission is allowed)
	 */
	void returnForCorrection(ReviewActor actor, long formId, int version, ReturnRequest request);

	/**
	 * 確認完了: every dependent 継続 or 削除 (a 削除 proposal approved).
	 * @throws ReviewProblem if a dependent is undecided, on 保留 or waiting for approval
	 */
	void complete(ReviewActor actor, long formId, int version);

	ReviewSettings settings(long tenantId);

	/** TENANT_ADMIN only. */
	void changeSettings(ReviewActor actor, ReviewSettings settings);

	/**
	 * The settings for the settings page: TENANT_ADMIN only (a REVIEWER is refused with
	 * {@link AccessDeniedException}), not audited (reading changes nothing).
	 */
	ReviewSettings settingsForEditing(ReviewActor actor);

	/**
	 * One decision as entered.
	 *
	 * @param lossDate 喪失日, required for 削除
	 * @param reason 事由, required for 削除
	 * @param note required for 保留, optional otherwise
	 */
	record DependentDecision(Decision decision, LocalDate lossDate, LossReason reason, String note) {
	}

	/**
	 * A 差し戻し.
	 *
	 * @param reasons what must be corrected, at least one, each for a dependent or a
	 * document
	 * @param correctionDeadline null for the tenant's default
	 */
	record ReturnRequest(String message, List<ReturnReason> reasons, Instant correctionDeadline) {
	}

	/**
	 * One thing to correct: about a dependent (documentId null) or one of their
	 * documents.
	 */
	record ReturnReason(long dependentId, Long documentId, String text) {
	}

	/**
	 * The insurer's review settings.
	 *
	 * @param fourEyes a REVIEWER's 削除 needs a TENANT_ADMIN's approval (default on)
	 * @param correctionDays default days the member gets to correct a returned form
	 * (default 7, 1 to 60)
	 * @param reasonTemplates the reasons staff pick for a 不備 document, in the order shown
	 * @param bulkSamplePercent the share of the forms selected for bulk approval that is
	 * set aside for individual review instead (default 5, 0 to 100)
	 * @param blindIncome the reviewer types the income read on the certificate without
	 * seeing the member's figure (default off)
	 * @param incomeToleranceYen a blind entry further than this from the member's figure
	 * flags the dependent (default 10,000 yen)
	 * @param rebuttalDays days a final 削除 stays 削除予定, in which the member may respond (0
	 * to 90; 0, the default, makes it final at once)
	 */
	record ReviewSettings(boolean fourEyes, int correctionDays, List<String> reasonTemplates, int bulkSamplePercent,
			boolean blindIncome, int incomeToleranceYen, int rebuttalDays) {

		/** The templates an insurer starts with. */
		public static final List<String> DEFAULT_REASON_TEMPLATES = List.of("書類が不鮮明", "期間が不足", "マイナンバーが見えている",
				"氏名・生年月日が確認できない", "書類の種類が違う", "有効期限切れ");

		public static final ReviewSettings DEFAULT = new ReviewSettings(true, 7, DEFAULT_REASON_TEMPLATES, 5, false,
				10_000, 0);

		public ReviewSettings {
			reasonTemplates = reasonTemplates == null ? List.of() : List.copyOf(reasonTemplates);
		}

		/** Settings without a rebuttal window. */
		public ReviewSettings(boolean fourEyes, int correctionDays, List<String> reasonTemplates, int bulkSamplePercent,
				boolean blindIncome, int incomeToleranceYen) {
			this(fourEyes, correctionDays, reasonTemplates, bulkSamplePercent, blindIncome, incomeToleranceYen, 0);
		}

		/** The same settings with four eyes and the correction days changed. */
		public ReviewSettings withBasics(boolean fourEyes, int correctionDays) {
			return new ReviewSettings(fourEyes, correctionDays, reasonTemplates, bulkSamplePercent, blindIncome,
					incomeToleranceYen, rebuttalDays);
		}

		/** The same settings with another rebuttal window. */
		public ReviewSettings withRebuttalDays(int days) {
			return new ReviewSettings(fourEyes, correctionDays, reasonTemplates, bulkSamplePercent, blindIncome,
					incomeToleranceYen, days);
		}

	}

}
