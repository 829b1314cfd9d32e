package jp.kennin.platform;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Yen amounts on screens, in the viewer's language: {@code ${@yen.amount(total)}} gives
 * 1,300,000円 (English ¥1,300,000), {@code ${@yen.limit(limit)}} writes a round limit the
 * way Japanese rules are written, 150万円 (English ¥1,500,000, since 150 x 10,000 yen reads
 * as arithmetic, not an amount).
 */
@Component("yen")
public class YenFormat {

	/** 1,300,000円 (English: ¥1,300,000); null gives an empty text. */
	public static String amount(Long yen, Locale locale) {
		if (yen == null) {
			return "";
		}
		return english(locale) ? String.format(Locale.ROOT, "¥%,d", yen) : String.format(Locale.ROOT, "%,d円", yen);
	}

	/**
	 * 150万円 for a round amount, otherwise 1,234,567円 (English: ¥1,500,000); null gives an
	 * empty text.
	 */
	public static String limit(Long yen, Locale locale) {
		if (yen == null) {
			return "";
		}
		if (!english(locale) && yen % 10_000 == 0 && yen != 0) {
			return String.format(Locale.ROOT, "%,d万円", yen / 10_000);
		}
		return amount(yen, locale);
	}

	public String amount(Long yen) {
		return amount(yen, LocaleContextHolder.getLocale());
	}

	public String limit(Long yen) {
		return limit(yen, LocaleContextHolder.getLocale());
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
