package jp.kennin.eligibility;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a yen amount however a member types it: full-width digits and commas
 * (「１，２００，０００」), a yen sign or 円, spaces, and 万 (「120万」「12.5万円」「120万5000」).
 */
public final class YenAmount {

	/** Above this (1,000億円) an amount is a typing mistake, not an income. */
	static final long MAX = 100_000_000_000L;

	/** Digits of {@link #MAX}: a longer number (leading zeros aside) is too large. */
	private static final int MAX_DIGITS = 12;

	/** 万 stands for four digits. */
	private static final int MAN_DIGITS = 4;

	private static final Pattern PLAIN = Pattern.compile("\\d+");

	private static final Pattern MAN = Pattern.compile("(\\d+(?:\\.\\d+)?)万(\\d*)");

	private YenAmount() {
	}

	/**
	 * The outcome: {@code yen} is set when the text is a valid amount; {@code errorKey}
	 * (a message key in the eligibility bundle) when it is not; both null when nothing
	 * was typed.
	 */
	public record Parsed(Long yen, String errorKey) {

		public boolean blank() {
			return yen == null && errorKey == null;
		}

		public boolean valid() {
			return yen != null;
		}

	}

	public static Parsed parse(String typed) {
		if (typed == null) {
			return new Parsed(null, null);
		}
		// NFKC turns full-width digits, commas, periods, ￥ and the ideographic space into
		// ASCII forms.
		String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s,、]", "");
		if (text.isEmpty()) {
			return new Parsed(null, null);
		}
		if (text.startsWith("-") || text.startsWith("−") || text.startsWith("▲")) {
			return new Parsed(null, "eligibility.amount.negative");
		}
		text = text.replaceFirst("^[¥\\\\]", "").replaceFirst("円$", "");
		// Digit counts are checked before any BigDecimal is made: parsing a number of a
		// million digits (a form field may carry 2 MB) takes seconds, so a long input is
		// refused by its length, at once (issue 16 fuzzing).
		try {
			BigDecimal value;
			Matcher man = MAN.matcher(text);
			if (PLAIN.matcher(text).matches()) {
				String digits = withoutLeadingZeros(text);
				if (digits.length() > MAX_DIGITS) {
					return new Parsed(null, "eligibility.amount.tooLarge");
				}
				value = digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(digits);
			}
			else if (man.matches()) {
				String rest = withoutLeadingZeros(man.group(2));
				if (rest.length() > MAN_DIGITS) {
					return new Parsed(null, "eligibility.amount.invalid");
				}
				String number = man.group(1);
				int point = number.indexOf('.');
				String whole = withoutLeadingZeros((point < 0) ? number : number.substring(0, point));
				String fraction = (point < 0) ? "" : withoutTrailingZeros(number.substring(point + 1));
				if (fraction.length() > MAN_DIGITS) {
					return new Parsed(null, "eligibility.amount.invalid");
				}
				if (whole.length() > MAX_DIGITS - MAN_DIGITS) {
					return new Parsed(null, "eligibility.amount.tooLarge");
				}
				value = new BigDecimal((whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction))
					.multiply(BigDecimal.valueOf(10_000));
				if (!rest.isEmpty()) {
					value = value.add(new BigDecimal(rest));
				}
			}
			else {
				return new Parsed(null, "eligibility.amount.invalid");
			}
			if (value.stripTrailingZeros().scale() > 0) {
				return new Parsed(null, "eligibility.amount.invalid");
			}
			if (value.compareTo(BigDecimal.valueOf(MAX)) > 0) {
				return new Parsed(null, "eligibility.amount.tooLarge");
			}
			return new Parsed(value.longValueExact(), null);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return new Parsed(null, "eligibility.amount.invalid");
		}
	}

	private static String withoutLeadingZeros(String digits) {
		int start = 0;
		while (start < digits.length() && digits.charAt(start) == '0') {
			start++;
		}
		return digits.substring(start);
	}

	private static String withoutTrailingZeros(String digits) {
		int end = digits.length();
		while (end > 0 && digits.charAt(end - 1) == '0') {
			end--;
		}
		return digits.substring(0, end);
	}

}
