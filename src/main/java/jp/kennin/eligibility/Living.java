package jp.kennin.eligibility;

/** 同居 (same household as the insured person) or 別居. */
public enum Living {

	TOGETHER, APART

}
