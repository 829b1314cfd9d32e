package jp.kennin.letter;

/**
 * The insurer's return address printed under its name on every letter; both fields may be
 * empty.
 */
public record ReturnAddress(String postalCode, String address) {

	public static ReturnAddress none() {
		return new ReturnAddress(null, null);
	}

}
