package jp.kennin.letter;

/** The three letters of a campaign, as stored in {@code letter_text.kind}. */
public enum LetterKind {

	/** 案内: the campaign has opened. */
	INVITATION,

	/** 督促: the deadline is near and nothing was submitted. */
	REMINDER,

	/** 最終督促: the last notice before the deadline. */
	FINAL_NOTICE

}
