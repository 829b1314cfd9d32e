package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyPaymentHolds;
import jp.kennin.subsidy.SubsidyPayments.Batch;
import jp.kennin.subsidy.SubsidyPayments.BatchClaim;
import jp.kennin.subsidy.SubsidyPayments.BatchNotFound;
import jp.kennin.subsidy.SubsidyPayments.PayeeProblem;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支給の保留. Each use case checks the role (TENANT_ADMIN) and the insurer first, moves the
 * batch's version on (refused if the batch was locked or changed since the page), writes,
 * and records one audit event per claim, all in one transaction.
 */
@Service
class PaymentHoldsManagement implements SubsidyPaymentHolds {

	private final PaymentBatchRepository batches;

	private final PaymentHoldRepository holds;

	private final PaymentFiles files;

	private final AuditLog audit;

	private final Clock clock;

	PaymentHoldsManagement(PaymentBatchRepository batches, PaymentHoldRepository holds, PaymentFiles files,
			AuditLog audit, Clock clock) {
		this.batches = batches;
		this.holds = holds;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Held hold(StaffActor actor, long batchId, int version, List<Long> claimIds) {
		long tenant = admin(actor);
		Batch batch = open(tenant, batchId);
		Set<Long> wanted = new HashSet<>(claimIds);
		List<BatchClaim> chosen = batches.claims(tenant, batchId)
			.stream()
			.filter(c -> wanted.contains(c.id()))
			.toList();
		return hold(actor, tenant, batch, version, chosen, "SELECTED");
	}

	@Override
	@Transactional
	public Held holdUnpayable(StaffActor actor, long batchId, int version) {
		long tenant = admin(actor);
		Batch batch = open(tenant, batchId);
		if (batch.route() != PaymentRoute.BANK_TRANSFER) {
			throw new PaymentProblem("subsidy.payments.problem.format");
		}
		Set<String> households = new HashSet<>();
		for (PayeeProblem p : files.payeeProblems(tenant, batchId)) {
			households.add(p.kigo() + "\u0000" + p.bango());
		}
		if (households.isEmpty()) {
			throw new PaymentProblem("subsidy.payments.problem.nothingUnpayable");
		}
		List<BatchClaim> chosen = batches.claims(tenant, batchId)
			.stream()
			.filter(c -> households.contains(c.kigo() + "\u0000" + c.bango()))
			.toList();
		return hold(actor, tenant, batch, version, chosen, "UNPAYABLE");
	}

	@Override
	@Transactional
	public void release(StaffActor actor, long claimId) {
		long tenant = admin(actor);
		String receipt = holds.release(tenant, claimId);
		if (receipt == null) {
			throw new PaymentProblem("subsidy.payments.problem.notHeld");
		}
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_PAYMENT_RELEASED, tenant, actor,
				"subsidy_claim:" + claimId, Map.of("receipt", receipt)));
	}

	private Held hold(StaffActor actor, long tenant, Batch batch, int version, List<BatchClaim> chosen, String mode) {
		if (chosen.isEmpty()) {
			throw new PaymentProblem("subsidy.payments.problem.nothingToHold");
		}
		if (!holds.claimVersion(tenant, batch.id(), version)) {
			throw new PaymentProblem("subsidy.payments.problem.stale");
		}
		Instant now = clock.instant();
		int held = holds.hold(tenant, batch.id(), chosen.stream().map(BatchClaim::id).toList(), actor.loginId(), now);
		batches.recount(tenant, batch.id());
		for (BatchClaim c : chosen) {
			Map<String, String> details = new LinkedHashMap<>();
			details.put("batch", String.valueOf(batch.id()));
			details.put("receipt", c.receiptNumber());
			details.put("amount", String.valueOf(c.amountYen()));
			details.put("mode", mode);
			audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_PAYMENT_HELD, tenant, actor,
					"subsidy_claim:" + c.id(), details));
		}
		// The batch as read is the version just claimed, so its count is current.
		boolean remains = batch.claimCount() > held;
		if (!remains) {
			batches.deleteEmpty(tenant, batch.id());
		}
		return new Held(held, remains, batch.fiscalYear());
	}

	private Batch open(long tenant, long batchId) {
		Batch batch = batches.find(tenant, batchId).orElseThrow(BatchNotFound::new);
		if (batch.locked()) {
			throw new PaymentProblem("subsidy.payments.problem.lockedNoHold");
		}
		return batch;
	}

	/** Money leaves the insurer by these batches: administrators only. */
	private static long admin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
