package jp.kennin.survey;

/**
 * 準備中 → 公開中 → 締切 → 完了.
 */
public enum CampaignStatus {

	/** 準備中: editable, not visible to members. */
	PREPARING,
	/**
	 * 公開中: survey forms exist; members answer from {@code opensAt} until the deadline.
	 */
	OPEN,
	/** 締切: no member changes. */
	CLOSED,
	/** 完了: review finished. */
	COMPLETED

}
