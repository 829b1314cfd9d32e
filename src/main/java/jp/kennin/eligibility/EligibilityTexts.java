package jp.kennin.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jp.kennin.platform.DateStyle;
import jp.kennin.platform.YenFormat;

/**
 * The rule texts, read from the module's own bundle
 * ({@code messages/eligibility_*.properties}) without Spring, so the pure rules can hand
 * out ready-made Japanese reasons. Screens may use the same keys through the Spring
 * message source.
 */
public final class EligibilityTexts {

	private static final Map<String, Properties> BUNDLES = Map.of("ja", load("ja"), "en", load("en"));

	private EligibilityTexts() {
	}

	/**
	 * The text for the key in Japanese unless English is asked for; arguments are
	 * pre-formatted strings.
	 */
	public static String text(String key, Locale locale, List<String> args) {
		String lang = locale != null && "en".equals(locale.getLanguage()) ? "en" : "ja";
		String pattern = BUNDLES.get(lang).getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("no eligibility text " + key);
		}
		return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args.toArray());
	}

	/** 150万円 for round amounts, otherwise 1,234,567円 (English: ¥1,500,000). */
	public static String yen(long amount, Locale locale) {
		return YenFormat.limit(amount, locale);
	}

	/** 2026年9月17日 (English: 17 Sep 2026). */
	public static String date(LocalDate date, Locale locale) {
		return DateStyle.DAY.format(date, locale);
	}

	private static Properties load(String lang) {
		String path = "messages/eligibility_" + lang + ".properties";
		try (InputStream in = EligibilityTexts.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is missing");
			}
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
