package jp.kennin.review;

/** What the review decides for one dependent. */
public enum Decision {

	/** 継続: stays a dependent. */
	CONTINUE,
	/** 削除: removed, with 喪失日 and 事由. */
	REMOVE,
	/**
	 * 保留: pending (e.g. waiting for a document), with a note; a form with a 保留 cannot be
	 * completed.
	 */
	HOLD

}
