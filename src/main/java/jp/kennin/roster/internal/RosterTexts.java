package jp.kennin.roster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jp.kennin.roster.RosterImports.Problem;

/**
 * The import's problem texts ({@code roster.problem.*} in
 * {@code messages/roster_ja.properties}), read without Spring because the command line
 * and the API report them in Japanese. Each problem also keeps its code and arguments, so
 * that the staff page can show it in the viewer's language.
 */
final class RosterTexts {

	private static final Properties JAPANESE = load();

	private RosterTexts() {
	}

	/**
	 * A problem with its Japanese text; the arguments are shown as given (line numbers
	 * without grouping).
	 */
	static Problem problem(Integer line, String column, String code, Object... args) {
		List<String> texts = Arrays.stream(args).map(String::valueOf).toList();
		return new Problem(line, column, japanese(code, texts), code, texts);
	}

	static String japanese(String code, List<String> args) {
		String pattern = JAPANESE.getProperty("roster.problem." + code);
		if (pattern == null) {
			throw new IllegalArgumentException("no roster problem text " + code);
		}
		// Like Spring's message source: only a text with arguments goes through
		// MessageFormat.
		return args.isEmpty() ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args.toArray());
	}

	private static Properties load() {
		String path = "messages/roster_ja.properties";
		try (InputStream in = RosterTexts.class.getClassLoader().getResourceAsStream(path)) {
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
