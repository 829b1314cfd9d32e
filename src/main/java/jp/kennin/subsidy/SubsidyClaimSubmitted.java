package jp.kennin.subsidy;

/**
 * A member sent an influenza subsidy claim (or resent a returned one), published in the
 * sending transaction: the account module mails the receipt number (受付番号).
 *
 * @param amountYen the subsidy the claim asks for, as computed when it was sent
 * @param resent whether a returned claim was corrected and sent again
 */
public record SubsidyClaimSubmitted(long tenantId, long memberAccountId, String kigo, String bango,
		String receiptNumber, String personName, int dose, int amountYen, boolean resent) {
}
