package jp.kennin.roster.internal;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as insurers write them: {@code yyyy/MM/dd}, {@code yyyy-MM-dd}, {@code yyyyMMdd}
 * (month and day may lack the leading zero, as Excel writes them) and 和暦:
 * {@code S55.04.01}, {@code S55/4/1}, {@code 昭和55年4月1日}, {@code 令和元年5月1日}, for 大正 (T), 昭和
 * (S), 平成 (H) and 令和 (R). A 和暦 date outside its era (S64.01.08) is rejected, not rolled
 * over.
 */
final class RosterDates {

	private static final Pattern WESTERN = Pattern.compile("(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})");

	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern WAREKI_LETTER = Pattern.compile("([TSHR])(\\d{1,2}|元)[./-](\\d{1,2})[./-](\\d{1,2})");

	private static final Pattern WAREKI_KANJI = Pattern.compile("(大正|昭和|平成|令和)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日");

	private static final Map<String, JapaneseEra> ERAS = Map.of("T", JapaneseEra.TAISHO, "S", JapaneseEra.SHOWA, "H",
			JapaneseEra.HEISEI, "R", JapaneseEra.REIWA, "大正", JapaneseEra.TAISHO, "昭和", JapaneseEra.SHOWA, "平成",
			JapaneseEra.HEISEI, "令和", JapaneseEra.REIWA);

	private RosterDates() {
	}

	static Optional<LocalDate> parse(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		LocalDate fast = fast(raw);
		if (fast != null) {
			return Optional.of(fast);
		}
		// Full-width digits and letters (２０２０／４／１, Ｓ５５) are common in Excel sheets.
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
		try {
			Matcher m = WESTERN.matcher(s);
			if (m.matches()) {
				return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(3)), num(m.group(4))));
			}
			m = COMPACT.matcher(s);
			if (m.matches()) {
				return Optional.of(LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3))));
			}
			m = WAREKI_LETTER.matcher(s);
			if (!m.matches()) {
				m = WAREKI_KANJI.matcher(s);
			}
			if (m.matches()) {
				int year = "元".equals(m.group(2)) ? 1 : num(m.group(2));
				JapaneseDate date = JapaneseDate.of(ERAS.get(m.group(1)), year, num(m.group(3)), num(m.group(4)));
				return Optional.of(LocalDate.from(date));
			}
		}
		catch (DateTimeException ex) {
			// 2023/02/30, S64.01.08: not a date.
		}
		return Optional.empty();
	}

	/**
	 * yyyy/MM/dd and yyyy-MM-dd, by far the most common forms, without regex or
	 * normalisation.
	 */
	private static LocalDate fast(String s) {
		if (s.length() != 10 || (s.charAt(4) != '/' && s.charAt(4) != '-') || s.charAt(7) != s.charAt(4)) {
			return null;
		}
		for (int i : new int[] { 0, 1, 2, 3, 5, 6, 8, 9 }) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return null;
			}
		}
		try {
			return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
					Integer.parseInt(s, 8, 10, 10));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int num(String digits) {
		return Integer.parseInt(digits);
	}

}
