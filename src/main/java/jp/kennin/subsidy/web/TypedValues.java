package jp.kennin.subsidy.web;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff and members type into the subsidy's forms, read one way: full-width digits
 * and letters as half-width (NFKC), a date as 2026-11-02, 2026/11/02, 2026.11.02 or
 * 2026年11月2日.
 */
final class TypedValues {

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/年.](\\d{1,2})[-/月.](\\d{1,2})日?");

	private TypedValues() {
	}

	/** The text in NFKC without surrounding blanks; empty for null. */
	static String normalized(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

	/** The date typed, or null when the text is not a real date (or is empty). */
	static LocalDate date(String value) {
		Matcher m = DATE.matcher(normalized(value));
		if (!m.matches()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
