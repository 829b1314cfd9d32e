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
		try {
			BigDecimal value;
			Matcher man = MAN.matcher(text);
			if (PLAIN.matcher(text).matches()) {
				value = new BigDecimal(text);
			}
			else if (man.matches()) {
				value = new BigDecimal(man.group(1)).multiply(BigDecimal.valueOf(10_000));
				if (!man.group(2).isEmpty()) {
					BigDecimal rest = new BigDecimal(man.group(2));
					if (rest.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
						return new Parsed(null, "eligibility.amount.invalid");
					}
					value = value.add(rest);
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

}
