package jp.kennin.subsidy;

import java.util.Arrays;
import java.util.List;

/**
 * Where an influenza subsidy claim stands ({@code subsidy_claim.status}). Members see the
 * label {@code subsidy.claim.status.<name>} of the subsidy bundle.
 */
public enum SubsidyClaimStatus {

	/**
	 * 下書き: the member is still filling it in (form, receipt, checks); not sent, no
	 * receipt number, never shown to staff.
	 */
	DRAFT,

	/** 送信済: the member sent it; staff have not opened it. */
	SUBMITTED,

	/** 処理中: staff opened it for review. */
	IN_REVIEW,

	/** 支給決定: approved; waits for the next payment batch. */
	APPROVED,

	/**
	 * 差し戻し: returned to the member with a reason; the member corrects and sends again.
	 */
	RETURNED,

	/** 却下: refused with a reason; final. */
	REJECTED,

	/** 取下げ: the member withdrew it before a decision; final. */
	WITHDRAWN,

	/** 支給済み: its payment batch was paid. */
	PAID;

	/**
	 * Whether the claim still counts against the person's doses and cap (everything but a
	 * draft, a rejected or a withdrawn claim).
	 */
	public boolean counts() {
		return this != REJECTED && this != WITHDRAWN && this != DRAFT;
	}

	/** The statuses staff see and filter by (all but drafts). */
	public static List<SubsidyClaimStatus> sent() {
		return Arrays.stream(values()).filter(s -> s != DRAFT).toList();
	}

	/** Whether the member may still change the claim's answers and receipt files. */
	public boolean editableByMember() {
		return this == DRAFT || this == RETURNED;
	}

	/** Whether the member may still withdraw it (before a decision). */
	public boolean withdrawable() {
		return this == SUBMITTED || this == IN_REVIEW || this == RETURNED;
	}

}
