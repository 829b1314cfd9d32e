package jp.kennin.review;

/** 事由 of a removal (削除), in the order staff pick them. */
public enum LossReason {

	/** 就職 */
	EMPLOYMENT,
	/** 収入超過 */
	INCOME_OVER_LIMIT,
	/** 別居で仕送りなし */
	APART_WITHOUT_SUPPORT,
	/** 国外転出 */
	MOVED_ABROAD,
	/** 75歳到達 */
	AGE_75,
	/** 婚姻 */
	MARRIAGE,
	/** 死亡 */
	DEATH,
	/** 本人申出 */
	OWN_REQUEST,
	/** 未提出 */
	NOT_SUBMITTED,
	/** その他 */
	OTHER

}
