package jp.kennin.review;

/**
 * A staff member's check of one submitted document, as entered.
 *
 * @param result 確認済 or 不備
 * @param reason for 不備: one of the insurer's reason templates, or {@link #OTHER_REASON}
 * with the free text in {@code note}
 * @param note free text; required with {@link #OTHER_REASON}, optional otherwise
 */
public record DocumentCheck(Result result, String reason, String note) {

	/**
	 * The reason chosen when none of the templates fits; the note then says what is
	 * wrong.
	 */
	public static final String OTHER_REASON = "その他";

	/** 確認済 or 不備. */
	public enum Result {

		/** 確認済: the document shows what it must. */
		CONFIRMED,
		/** 不備: the document cannot be accepted as it is, with a reason. */
		DEFICIENT

	}

}
