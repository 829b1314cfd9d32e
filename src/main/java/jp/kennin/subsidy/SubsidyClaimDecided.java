package jp.kennin.subsidy;

/**
 * Staff decided a claim (approved, returned or rejected): published inside the decision's
 * transaction so the member's mail (queued by the account module, which holds the
 * address) is written with the decision or not at all.
 *
 * @param memberAccountId the account that sent the claim
 * @param personName the person vaccinated
 * @param status {@link SubsidyClaimStatus#APPROVED}, {@link SubsidyClaimStatus#RETURNED}
 * or {@link SubsidyClaimStatus#REJECTED}, or {@link SubsidyClaimStatus#PAID} when its
 * payment batch was marked paid
 * @param amountYen the amount approved or paid (0 otherwise)
 */
public record SubsidyClaimDecided(long tenantId, long memberAccountId, String kigo, String bango, String receiptNumber,
		String personName, SubsidyClaimStatus status, int amountYen) {
}
