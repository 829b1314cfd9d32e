package jp.kennin.review;

import java.time.LocalDate;

/**
 * A 削除 became final while the insurer has a rebuttal window: it is 削除予定 until
 * {@code lastDay} (Japan date) and the member may respond until then. Published in the
 * approval's transaction; the account module mails the member (it holds the address).
 */
public record RemovalScheduled(long tenantId, long formId, String kigo, String bango, String campaignTitle,
		String dependentName, LocalDate lossDate, LocalDate lastDay) {
}
