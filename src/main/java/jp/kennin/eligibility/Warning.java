package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A reason the dependent may not qualify, in plain words. Warnings never block
 * submission: staff decide.
 *
 * @param code stable identifier (e.g. {@code INCOME_OVER_LIMIT}); message key
 * {@code eligibility.warning.<code>}
 * @param args the message arguments: {@link Long} is a yen amount, {@link LocalDate} a
 * date, anything else is shown as is; they are formatted for the reader's language
 */
public record Warning(String code, List<Object> args) {

	public Warning {
		args = List.copyOf(args);
	}

	public String messageKey() {
		return "eligibility.warning." + code;
	}

	/** The Japanese reason, e.g. 「年間収入見込額が150万円以上のため、扶養の条件を満たさない可能性があります」. */
	public String message() {
		return message(Locale.JAPANESE);
	}

	public String message(Locale locale) {
		return EligibilityTexts.text(messageKey(), locale, args.stream().map(a -> format(a, locale)).toList());
	}

	private static String format(Object arg, Locale locale) {
		if (arg instanceof Long amount) {
			return EligibilityTexts.yen(amount, locale);
		}
		if (arg instanceof LocalDate date) {
			return EligibilityTexts.date(date, locale);
		}
		return String.valueOf(arg);
	}

}
