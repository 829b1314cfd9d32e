package jp.kennin.subsidy;

import java.time.LocalDate;

/**
 * The claim window of a fiscal year closes soon and a member still has claims not sent (a
 * draft, or a claim returned for correction): published in the reminder's transaction,
 * once per member; the account module mails the member.
 *
 * @param claimTo the last day a claim is taken (Japan date)
 * @param unsent how many of the member's claims of the year are not sent
 */
public record SubsidyClaimDeadlineNear(long tenantId, long memberAccountId, String kigo, String bango,
		LocalDate claimTo, int unsent) {
}
