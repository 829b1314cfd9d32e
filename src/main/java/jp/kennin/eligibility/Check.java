package jp.kennin.eligibility;

/** The outcome of one test. */
public enum Check {

	PASS, FAIL,
	/**
	 * The test applies but a fact it needs is missing (e.g. the insured person's income).
	 */
	UNKNOWN,
	/**
	 * The test does not apply to this dependent (e.g. the 別居 test for someone living
	 * together).
	 */
	NOT_APPLICABLE

}
