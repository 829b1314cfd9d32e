package jp.kennin.account.internal;

import java.text.Normalizer;

/**
 * Makes typed identifiers comparable: full-width digits and letters become half-width
 * (NFKC), all spaces (half and full width) and hyphens typed between digits disappear.
 * Case is kept, since the roster's 番号 may contain letters as printed on the card; leading
 * zeros are kept, since they are part of the 記号/番号 as the roster holds them.
 */
public final class InputNormalizer {

	private InputNormalizer() {
	}

	public static String halfWidth(String typed) {
		if (typed == null) {
			return "";
		}
		// Dropping spaces can bring a combining mark next to a new base letter (NFKC
		// turns "¨" into a space
		// plus a mark), which the next normalisation would compose; repeat until nothing
		// changes, so the
		// result is stable (normalising twice gives the same string).
		String current = typed;
		// Each further round only changes the text by dropping a space, so this ends.
		while (true) {
			String next = Normalizer.normalize(current, Normalizer.Form.NFKC).replaceAll("[\\s\u3000]+", "");
			if (next.equals(current)) {
				break;
			}
			current = next;
		}
		return current;
	}

	/**
	 * Digits only: full-width digits, spaces and hyphens accepted ("１２３ ４５６" → "123456").
	 */
	public static String digits(String typed) {
		// Dropping a hyphen can bring a combining mark next to a letter, as dropping a
		// space can: normalise once more so that digits(digits(x)) equals digits(x).
		return halfWidth(halfWidth(typed).replaceAll("[-‐－ー―]", ""));
	}

	/**
	 * A user ID as typed on a Japanese keyboard: full-width letters, digits and
	 * {@code @ . _ + -} become half-width and spaces disappear; case is kept (user IDs
	 * are compared ignoring case).
	 */
	public static String userId(String typed) {
		return halfWidth(typed);
	}

	/**
	 * Email addresses are compared and stored trimmed and half-width; the local part
	 * keeps its case.
	 */
	public static String email(String typed) {
		return halfWidth(typed);
	}

}
