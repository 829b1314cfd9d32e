package jp.kennin.roster;

import com.ibm.icu.text.Transliterator;

/**
 * Normalises a kana name however it was typed: half-width kana, hiragana, full- or half-width spaces.
 * {@link #display} gives full-width katakana with single full-width spaces between parts;
 * {@link #key} drops the spaces, for matching.
 */
public final class KanaName {

	// Halfwidth-Fullwidth also joins ｶﾞ into ガ; Hiragana-Katakana turns ひらがな into カタカナ.
	private static final ThreadLocal<Transliterator> TO_KATAKANA = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Halfwidth-Fullwidth; Hiragana-Katakana"));

	private KanaName() {
	}

	public static String display(String typed) {
		if (typed == null) {
			return "";
		}
		String converted = TO_KATAKANA.get().transliterate(typed.strip());
		return converted.replaceAll("[\\s\u3000]+", "\u3000").strip();
	}

	public static String key(String typed) {
		return display(typed).replace("\u3000", "");
	}

	/** True if, once normalised, the name is non-empty and consists of katakana (and the long vowel mark). */
	public static boolean isKatakana(String typed) {
		String key = key(typed);
		return !key.isEmpty() && key.codePoints().allMatch(c -> (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FB);
	}

}
