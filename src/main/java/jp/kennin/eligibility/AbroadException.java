package jp.kennin.eligibility;

/** The exceptions to the domestic residence requirement (国内居住要件の例外, domain.md §2.3). */
public enum AbroadException {

	/** 留学. */
	STUDY,
	/** 海外赴任に同行. */
	ACCOMPANYING_POSTING,
	/** 一時的な渡航 (観光・保養・ボランティア等). */
	TEMPORARY_TRIP,
	/** 海外で身分関係が生じた (birth or marriage during a posting abroad). */
	RELATION_ABROAD,
	/** その他 (daily life based in Japan; case by case). */
	OTHER

}
