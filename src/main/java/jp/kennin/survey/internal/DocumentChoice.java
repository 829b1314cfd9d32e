package jp.kennin.survey.internal;

import java.time.Instant;

/**
 * What the member said about a required document they did not upload: it comes by post,
 * or it cannot be provided (with their reason). {@code documentAddedAt} is set when the
 * document was uploaded after all, after submission.
 */
public record DocumentChoice(long dependentId, String slot, Kind kind, String reason, Instant documentAddedAt) {

	/** Longest reason kept (the text area says so too). */
	public static final int MAX_REASON = 500;

	public enum Kind {

		/** 郵送で提出する. */
		MAIL,
		/** 提出できない（理由つき）. */
		UNABLE

	}

	/** A choice that lets the form be submitted: by post, or unable with a reason. */
	public boolean complete() {
		return kind == Kind.MAIL || (kind == Kind.UNABLE && reason != null && !reason.isBlank());
	}

	/**
	 * What the member sends for one missing document on the check page; {@code kind}
	 * null: not chosen.
	 */
	public record Input(long dependentId, String slot, Kind kind, String reason) {
	}

}
