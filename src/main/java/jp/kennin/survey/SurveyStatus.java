package jp.kennin.survey;

import java.time.Instant;

/**
 * What the member home page shows for one open campaign.
 *
 * @param deadline the 回答期限 (an instant; shown in Japan time)
 * @param receiptNumber the 受付番号 once submitted, otherwise null
 * @param daysLeft calendar days (Japan time) from today to the deadline's date; 0 on the
 * last day
 * @param formId the household's form in this campaign, which the home page links to
 * directly
 * @param returnMessage the staff message of a 差し戻し while the form is returned, otherwise
 * null
 * @param correctionDeadline the deadline to correct a returned form, otherwise null
 * @param correctionExpired a returned form whose correction deadline has passed: the
 * member can no longer change it and is sent to the support desk
 * @param proxyChannel the channel when the insurer's staff entered and submitted the
 * latest submission for the member (代行入力), null when the member sent it or nothing was
 * handed in
 */
public record SurveyStatus(long campaignId, String campaignTitle, State state, Instant deadline, String receiptNumber,
		long daysLeft, long formId, String returnMessage, Instant correctionDeadline, boolean correctionExpired,
		ProxyChannel proxyChannel) {

	public enum State {

		/** 未作成の調査票があります */
		NOT_STARTED,
		/** 作成中 */
		IN_PROGRESS,
		/** 提出済み */
		SUBMITTED,
		/** 差し戻し: the member corrects the returned parts and submits again */
		RETURNED,
		/** 審査中: a reviewer started; the member can no longer withdraw */
		IN_REVIEW,
		/** 確認完了: every dependent decided */
		COMPLETED;

		/**
		 * Whether the member has handed the form in and it is not back with them:
		 * submitted, under review or checked. Such a form takes no answer changes.
		 */
		public boolean handedIn() {
			return this == SUBMITTED || this == IN_REVIEW || this == COMPLETED;
		}

	}

}
