package jp.kennin.survey;

import java.time.Instant;

/**
 * What the member home page shows for one open campaign.
 * @param deadline the 回答期限 (an instant; shown in Japan time)
 * @param receiptNumber the 受付番号 once submitted, otherwise null
 * @param daysLeft calendar days (Japan time) from today to the deadline's date; 0 on the last day
 * @param formId the household's form in this campaign, which the home page links to directly
 */
public record SurveyStatus(long campaignId, String campaignTitle, State state, Instant deadline, String receiptNumber,
		long daysLeft, long formId) {

	public enum State {

		/** 未作成の調査票があります */
		NOT_STARTED,
		/** 作成中 */
		IN_PROGRESS,
		/** 提出済み */
		SUBMITTED,
		/** 差し戻し */
		RETURNED

	}

}
