package jp.kennin.retention;

/**
 * How long an insurer keeps what the survey collected.
 *
 * @param documentYears survey documents are kept this many years after the campaign they
 * were uploaded for was completed (完了)
 * @param personalDataYears a household's personal data is kept this many years after the
 * household left the roster
 */
public record RetentionSettings(int documentYears, int personalDataYears) {

	public static final int MIN_YEARS = 1;

	public static final int MAX_YEARS = 20;

	/**
	 * Without a setting of its own an insurer keeps both five years, the period the
	 * health insurance rules ask for the survey's records.
	 */
	public static final RetentionSettings DEFAULTS = new RetentionSettings(5, 5);

	public RetentionSettings {
		if (documentYears < MIN_YEARS || documentYears > MAX_YEARS || personalDataYears < MIN_YEARS
				|| personalDataYears > MAX_YEARS) {
			throw new IllegalArgumentException("retention years must be between 1 and 20");
		}
	}

}
