package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyPayments.TransferSourceRejected;
import jp.kennin.subsidy.SubsidyTransferSources;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 振込元口座の設定. Each use case checks the role (TENANT_ADMIN) and the insurer first, then
 * reads or writes and records the typed audit event in the same transaction.
 */
@Service
class TransferSourceManagement implements SubsidyTransferSources {

	private final PaymentBatchRepository batches;

	private final AuditLog audit;

	private final Clock clock;

	TransferSourceManagement(PaymentBatchRepository batches, AuditLog audit, Clock clock) {
		this.batches = batches;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public TransferSource transferSource(StaffActor actor) {
		long tenant = admin(actor);
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_TRANSFER_SOURCE_VIEWED, tenant, actor,
				"subsidy_transfer_source", Map.of()));
		return batches.transferSource(tenant).orElse(null);
	}

	@Override
	@Transactional
	public void saveTransferSource(StaffActor actor, TransferSource source) {
		long tenant = admin(actor);
		TransferSourceCheck.Checked checked = TransferSourceCheck.check(source);
		if (!checked.problems().isEmpty()) {
			throw new TransferSourceRejected(checked.problems());
		}
		TransferSource before = batches.transferSource(tenant).orElse(null);
		TransferSource after = checked.source();
		batches.saveTransferSource(tenant, after, actor.loginId(), clock.instant());
		Map<String, String> changes = new LinkedHashMap<>();
		change(changes, "requesterCode", before == null ? null : before.requesterCode(), after.requesterCode());
		change(changes, "requesterName", before == null ? null : before.requesterName(), after.requesterName());
		change(changes, "bankCode", before == null ? null : before.bankCode(), after.bankCode());
		change(changes, "bankName", before == null ? null : before.bankName(), after.bankName());
		change(changes, "branchCode", before == null ? null : before.branchCode(), after.branchCode());
		change(changes, "branchName", before == null ? null : before.branchName(), after.branchName());
		change(changes, "accountType", before == null ? null : before.accountType(), after.accountType());
		change(changes, "accountNumber", before == null ? null : before.accountNumber(), after.accountNumber());
		if (!changes.isEmpty()) {
			audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_TRANSFER_SOURCE_CHANGED, tenant, actor,
					"subsidy_transfer_source", changes));
		}
	}

	private static void change(Map<String, String> changes, String field, String from, String to) {
		if (!to.equals(from)) {
			changes.put(field + ".from", from == null ? "" : from);
			changes.put(field + ".to", to);
		}
	}

	/** Money leaves the insurer from this account: administrators only. */
	private static long admin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
