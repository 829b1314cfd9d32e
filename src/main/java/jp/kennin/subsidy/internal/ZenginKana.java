package jp.kennin.subsidy.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Converts names typed by people (full-width katakana or hiragana, full-width digits and
 * letters) to the characters a 全銀協 file accepts: JIS X 0201 half-width katakana, digits,
 * upper-case letters, space and {@code ( ) - . / ,}. 濁点 and 半濁点 become a second character
 * (ガ → ｶﾞ), small kana become large (ッ → ﾂ), the long vowel mark becomes {@code -}, a
 * full-width space a space, lower-case letters upper-case. Anything else (kanji, other
 * symbols) is refused.
 */
public final class ZenginKana {

	private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

	private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";

	private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";

	private static final String VOICED_BASE = "カキクケコサシスセソタチツテトハヒフヘホ";

	private static final String SEMI = "パピプペポ";

	private static final String SEMI_BASE = "ハヒフヘホ";

	private static final String SMALL = "ァィゥェォャュョッヮヵヶ";

	private static final String SMALL_LARGE = "アイウエオヤユヨツワカケ";

	private static final String HALF_SMALL = "ｧｨｩｪｫｬｭｮｯ";

	private static final String HALF_SMALL_LARGE = "ｱｲｳｴｵﾔﾕﾖﾂ";

	private static final String ASCII_OK = " ()-./,";

	private static final Map<Character, String> TABLE = new HashMap<>();

	static {
		for (int i = 0; i < FULL.length(); i++) {
			TABLE.put(FULL.charAt(i), String.valueOf(HALF.charAt(i)));
		}
		for (int i = 0; i < VOICED.length(); i++) {
			TABLE.put(VOICED.charAt(i), TABLE.get(VOICED_BASE.charAt(i)) + "ﾞ");
		}
		for (int i = 0; i < SEMI.length(); i++) {
			TABLE.put(SEMI.charAt(i), TABLE.get(SEMI_BASE.charAt(i)) + "ﾟ");
		}
		for (int i = 0; i < SMALL.length(); i++) {
			TABLE.put(SMALL.charAt(i), TABLE.get(SMALL_LARGE.charAt(i)));
		}
		for (int i = 0; i < HALF_SMALL.length(); i++) {
			TABLE.put(HALF_SMALL.charAt(i), String.valueOf(HALF_SMALL_LARGE.charAt(i)));
		}
		TABLE.put('ヴ', "ｳﾞ");
		TABLE.put('ヰ', "ｲ");
		TABLE.put('ヱ', "ｴ");
		TABLE.put('ー', "-");
		TABLE.put('－', "-");
		TABLE.put('ｰ', "-");
		TABLE.put('‐', "-");
		TABLE.put('\u3000', " ");
		TABLE.put('（', "(");
		TABLE.put('）', ")");
		TABLE.put('．', ".");
		TABLE.put('／', "/");
		TABLE.put('，', ",");
		TABLE.put('゛', "ﾞ");
		TABLE.put('゜', "ﾟ");
	}

	private ZenginKana() {
	}

	/**
	 * The text in 全銀 characters.
	 * @param text what was typed
	 * @return the half-width text
	 * @throws Unconvertible naming the first character that has no 全銀 form
	 */
	public static String convert(String text) {
		StringBuilder out = new StringBuilder(text.length() + 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'ぁ' && c <= 'ゖ') {
				c = (char) (c + ('ァ' - 'ぁ'));
			}
			if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ') {
				c = (char) (c - ('Ａ' - 'A'));
			}
			if (c >= 'a' && c <= 'z') {
				c = (char) (c - ('a' - 'A'));
			}
			if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || ASCII_OK.indexOf(c) >= 0 || c >= 'ｱ' && c <= 'ﾟ') {
				out.append(c);
				continue;
			}
			String mapped = TABLE.get(c);
			if (mapped == null) {
				throw new Unconvertible(text.charAt(i));
			}
			out.append(mapped);
		}
		return out.toString();
	}

	/** A character with no 全銀 form. */
	public static final class Unconvertible extends IllegalArgumentException {

		private final char character;

		Unconvertible(char character) {
			super("全銀協の振込データに使えない文字があります:「" + character + "」（カナ・英数字で入力してください）");
			this.character = character;
		}

		/** The refused character. */
		public char character() {
			return this.character;
		}

	}

}
