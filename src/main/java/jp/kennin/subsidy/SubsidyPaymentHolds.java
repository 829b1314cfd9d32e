package jp.kennin.subsidy;

import java.util.List;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyPayments.BatchNotFound;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;

/**
 * 支給の保留: an administrator takes approved claims out of an open payment batch (a household
 * whose account cannot be paid yet, a claim to look at again), so that the rest of the
 * batch can be paid. A held claim stays 支給決定 for the member and joins no batch, by
 * cut-off or 今すぐ締める, until it is released; then it waits for the next one. TENANT_ADMIN
 * of the insurer only; each change is audited in its transaction.
 */
public interface SubsidyPaymentHolds {

	/**
	 * Holds the claims, taking them out of the batch; a batch left without claims is
	 * deleted.
	 * @param version the batch's version the page showed
	 * @throws PaymentProblem when the batch is locked or changed since, or none of the
	 * claims is in it
	 * @throws BatchNotFound for no such batch of the actor's insurer
	 */
	Held hold(StaffActor actor, long batchId, int version, List<Long> claimIds);

	/**
	 * Holds every claim of the households of a bank-transfer batch that cannot be paid by
	 * transfer (no account, a refused name or number), as listed on the batch page.
	 * @throws PaymentProblem as {@link #hold}, or when every household can be paid
	 */
	Held holdUnpayable(StaffActor actor, long batchId, int version);

	/**
	 * Releases a held claim: it waits for the next batch.
	 * @throws PaymentProblem when the claim is not held (released already, or no such
	 * claim of the insurer)
	 */
	void release(StaffActor actor, long claimId);

	/**
	 * @param claims how many claims were held
	 * @param batchRemains false when the batch lost its last claim and was deleted
	 * @param fiscalYear the batch's fiscal year
	 */
	record Held(int claims, boolean batchRemains, int fiscalYear) {
	}

}
