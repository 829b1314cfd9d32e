/**
 * Removal notices (issue 14): for each dependent whose removal (削除) is final, a
 * 被扶養者削除のお知らせ to the member and a 資格喪失証明書 for the municipality, as PDFs the member
 * downloads on the survey page once the form is 確認完了 and staff download one by one or in
 * bulk per campaign; and the insurer's settings they print (保険者番号, 所在地) with the average
 * annual cost per dependent the dashboard estimates the cost avoided from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Removal notices")
package jp.kennin.lossnotice;
