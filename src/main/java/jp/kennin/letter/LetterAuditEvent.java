package jp.kennin.letter;

/** Audit event types written by the letter module. */
public enum LetterAuditEvent {

	/**
	 * Staff downloaded a batch of letters. Target {@code campaign:<id>}; details:
	 * {@code kind}, {@code source}, {@code office} (when filtered),
	 * {@code excludeAnswered} and {@code letters}, the count.
	 */
	LETTERS_PRINTED,

	/**
	 * An insurer changed a letter's texts or its return address. Target
	 * {@code letter_text:<kind>} or {@code letter_setting}.
	 */
	LETTER_SETTINGS_UPDATED

}
