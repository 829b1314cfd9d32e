package jp.kennin.survey.web;

/**
 * Makes a value safe for a spreadsheet: a cell starting with = + - @ or a control character would be run
 * as a formula by Excel, so it gets a leading apostrophe (CSV injection, ASVS 1.2.10).
 */
final class CsvCells {

	private CsvCells() {
	}

	static String safe(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!s.isEmpty() && "=+-@\t\r\0".indexOf(s.charAt(0)) >= 0) {
			return "'" + s;
		}
		return s;
	}

}
