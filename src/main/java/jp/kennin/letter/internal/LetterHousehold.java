package jp.kennin.letter.internal;

/**
 * One household's letter as read from the campaign's form and the insured person's roster
 * row. The postal fields may be null (the roster file had no address).
 */
record LetterHousehold(String kigo, String bango, String insuredName, String addressee, String postalCode,
		String address1, String address2, boolean hasAccount) {

	/** The name in the window: the roster's 宛名, else the insured person's name. */
	String recipient() {
		String name = addressee == null || addressee.isBlank() ? insuredName : addressee;
		return name.endsWith("様") || name.endsWith("殿") || name.endsWith("御中") ? name : name + "　様";
	}

}
