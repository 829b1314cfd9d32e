package jp.kennin.account.internal;

import java.text.Normalizer;

/**
 * Makes typed identifiers comparable: full-width digits and letters become half-width (NFKC), all
 * spaces (half and full width) and hyphens typed between digits disappear. Case is kept, since the
 * roster's 番号 may contain letters as printed on the card; leading zeros are kept, since they are part
 * of the 記号/番号 as the roster holds them.
 */
public final class InputNormalizer {

	private InputNormalizer() {
	}

	public static String halfWidth(String typed) {
		if (typed == null) {
			return "";
		}
		String nfkc = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		// Normalised again: removing a space can leave combining marks side by side in an order NFKC would
		// change, so without it normalising twice would not give the same result (found by jqwik).
		return Normalizer.normalize(nfkc.replaceAll("[\\s\u3000]+", "").strip(), Normalizer.Form.NFKC);
	}

	/** Digits only: full-width digits, spaces and hyphens accepted ("１２３ ４５６" → "123456"). */
	public static String digits(String typed) {
		return halfWidth(typed).replaceAll("[-‐－ー―]", "");
	}

	/** Email addresses are compared and stored trimmed and half-width; the local part keeps its case. */
	public static String email(String typed) {
		return halfWidth(typed);
	}

}
