package jp.kennin.letter;

/**
 * Which households of a campaign get a letter.
 *
 * @param source the list to start from
 * @param officeCode only this office, or null for every office (within the actor's scope)
 * @param excludeAnswered leave out households that handed in their form after the list
 * was made (「作成後に回答した世帯を除く」): for the letter list after the household was put on it,
 * otherwise after the campaign's forms were made at opening
 */
public record LetterSelection(LetterKind kind, Source source, String officeCode, boolean excludeAnswered) {

	public enum Source {

		/** The households that neither mail reaches (campaign_letter). */
		LETTER_LIST,

		/** Every household whose form is not handed in (未作成 or 作成中). */
		NON_RESPONDERS,

		/** Every household of the campaign. */
		ALL

	}

	public LetterSelection {
		if (kind == null || source == null) {
			throw new IllegalArgumentException("kind and source are required");
		}
		officeCode = officeCode == null || officeCode.isBlank() ? null : officeCode.strip();
	}

}
