package jp.kennin.eligibility;

/** Why a given income limit applies. */
public enum LimitReason {

	/** 130万円未満. */
	STANDARD,
	/**
	 * 150万円未満: age 19–22 on 31 December of the year, spouses excluded (from 2025-10-01).
	 */
	AGE_19_TO_22,
	/** 180万円未満: age 60 or older. */
	AGE_60_OR_OLDER,
	/** 180万円未満: disability at the level of 障害厚生年金. */
	DISABILITY

}
