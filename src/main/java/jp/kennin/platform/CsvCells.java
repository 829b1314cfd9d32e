package jp.kennin.platform;

/**
 * Makes a value safe for a spreadsheet (CSV injection, ASVS 1.2.10): Excel and
 * LibreOffice run a cell starting with = + - or @ as a formula, and a leading tab, CR, LF
 * or NUL can hide such a start from a reader. The full-width forms ＝ ＋ － ＠ (what a
 * Japanese keyboard types) are escaped as well, as a precaution that costs one character.
 * Such a cell gets a leading apostrophe, which spreadsheets show as text and hide. Every
 * CSV Kennin writes (audit log, survey forms) goes through this one guard.
 */
public final class CsvCells {

	/**
	 * The first characters that make a spreadsheet evaluate (or may make it evaluate) a
	 * cell.
	 */
	public static final String FORMULA_STARTS = "=+-@\t\r\n\0＝＋－＠";

	private CsvCells() {
	}

	/**
	 * The value as text ({@code ""} for null), with a leading apostrophe when its first
	 * character could start a formula.
	 */
	public static String safe(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}

}
