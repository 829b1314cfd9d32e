package jp.kennin.lossnotice.internal;

import java.time.LocalDate;

import jp.kennin.review.LossReason;

/**
 * One dependent whose removal is final, with what its documents print.
 *
 * @param formCompleted the form is 確認完了 (members see documents only then)
 * @param qualifiedOn 資格取得日 from the roster, null if unknown
 */
record FinalRemoval(long formId, long campaignId, boolean formCompleted, String kigo, String bango, String insuredName,
		long dependentId, String edaban, String name, String nameKana, LocalDate birthDate, String relationship,
		LocalDate qualifiedOn, LocalDate lossDate, LossReason reason, String campaignTitle) {
}
