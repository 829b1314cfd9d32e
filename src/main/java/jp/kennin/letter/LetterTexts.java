package jp.kennin.letter;

/**
 * What an insurer prints on a letter of one kind: the title and the body (plain text,
 * line breaks kept). The structured part (address, 記号・番号, code, deadline, URL, QR code,
 * desk) is always printed.
 */
public record LetterTexts(LetterKind kind, String title, String body, boolean customised) {

	public static final int TITLE_MAX = 100;

	/** Enough for a letter's page with the details box and the desk below. */
	public static final int BODY_MAX = 800;

	/** Lines of the body, for the same reason. */
	public static final int BODY_LINES = 16;

}
