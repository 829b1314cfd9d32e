package jp.kennin.roster;

import java.text.Normalizer;

/**
 * Normalises a kana name however it was typed: half-width kana, hiragana, full- or
 * half-width spaces. {@link #display} gives full-width katakana with single full-width
 * spaces between parts; {@link #key} drops the spaces, for matching.
 */
public final class KanaName {

	/**
	 * The seven narrow symbols that have a full-width twin outside the ASCII block (¢ £ ¬
	 * ¯ ¦ ¥ ₩).
	 */
	private static final String NARROW_SYMBOLS = "\u00A2\u00A3\u00AC\u00AF\u00A6\u00A5\u20A9";

	private static final String WIDE_SYMBOLS = "\uFFE0\uFFE1\uFFE2\uFFE3\uFFE4\uFFE5\uFFE6";

	private KanaName() {
	}

	public static String display(String typed) {
		if (typed == null) {
			return "";
		}
		String display = once(typed);
		// A mark joined only once its neighbour changed (a space dropped between them)
		// joins on the next pass: repeat until nothing changes, so that normalising a
		// normalised name never changes it (KanaNameFuzzTests). Two passes suffice in
		// practice; the bound only guards against a cycle.
		for (int pass = 0; pass < 4; pass++) {
			String again = once(display);
			if (again.equals(display)) {
				break;
			}
			display = again;
		}
		return display;
	}

	private static String once(String typed) {
		String converted = toFullWidthKatakana(typed.strip());
		return converted.replaceAll("[\\s\u3000]+", "\u3000").strip();
	}

	public static String key(String typed) {
		// Dropping the spaces may bring a mark next to a kana it joins with: repeat, as
		// in display, so that a key is its own key.
		String key = display(typed).replace("\u3000", "");
		for (int pass = 0; pass < 4; pass++) {
			String again = display(key).replace("\u3000", "");
			if (again.equals(key)) {
				break;
			}
			key = again;
		}
		return key;
	}

	/**
	 * True if, once normalised, the name is non-empty and consists of katakana (and the
	 * long vowel mark).
	 */
	public static boolean isKatakana(String typed) {
		String key = key(typed);
		return !key.isEmpty()
				&& key.codePoints().allMatch(c -> (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FB);
	}

	/**
	 * What ICU's "Halfwidth-Fullwidth; Hiragana-Katakana" transliteration did, in plain
	 * Java (ICU4J is 14 MiB): ASCII and the narrow symbols become full width, half-width
	 * kana full-width katakana (ｶﾞ joined into ガ), hiragana katakana.
	 * KanaNameIcuEquivalenceTests checks it against ICU on kana, ASCII and full-width
	 * text.
	 */
	static String toFullWidthKatakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int symbol = NARROW_SYMBOLS.indexOf(c);
			if (c == ' ') {
				out.append('\u3000');
			}
			else if (c > ' ' && c <= '~') {
				out.append((char) (c - '!' + '\uFF01'));
			}
			else if (symbol >= 0) {
				out.append(WIDE_SYMBOLS.charAt(symbol));
			}
			else if ((c >= '\uFF61' && c <= '\uFFDC') || (c >= '\uFFE8' && c <= '\uFFEE')) {
				// Half-width forms: their compatibility decomposition is the full-width
				// character (ﾞ is U+3099).
				appendJoined(out, Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
			}
			else if ((c >= '\u3041' && c <= '\u3094') || c == '\u309D' || c == '\u309E') {
				out.append((char) (c + 0x60));
			}
			else if (c == '\u309F' || c == '\u30FF' || (c >= '\u32D0' && c <= '\u32FE')
					|| (c >= '\u3300' && c <= '\u3357')) {
				// ゟ ヿ, circled and squared katakana: spelled out (ヨリ, コト, ア, アパート).
				out.append(toFullWidthKatakana(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC)));
			}
			else {
				appendJoined(out, String.valueOf(c));
			}
		}
		return out.toString();
	}

	/**
	 * Appends, joining a combining (han)dakuten U+3099 or U+309A with the kana before it
	 * where one character exists.
	 */
	private static void appendJoined(StringBuilder out, String converted) {
		char mark = converted.charAt(0);
		if (converted.length() == 1 && (mark == '\u3099' || mark == '\u309A') && out.length() > 0) {
			String joined = Normalizer.normalize(out.charAt(out.length() - 1) + converted, Normalizer.Form.NFC);
			if (joined.length() == 1) {
				out.setCharAt(out.length() - 1, joined.charAt(0));
				return;
			}
		}
		out.append(converted);
	}

}
