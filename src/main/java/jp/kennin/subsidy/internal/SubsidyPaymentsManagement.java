package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyClaimDecided;
import jp.kennin.subsidy.SubsidyClaimStatus;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.subsidy.internal.PaymentBatchRepository.Formed;
import jp.kennin.subsidy.internal.PaymentBatchRepository.Waiting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment batches. Each use case checks the role and the insurer first (reading:
 * TENANT_ADMIN or REVIEWER of the tenant; closing, exporting and 支給済み: TENANT_ADMIN
 * only), then reads or writes and records the typed audit event in the same transaction;
 * a refused action throws before anything is written. Holds are
 * {@link PaymentHoldsManagement}'s, the transfer source
 * {@link TransferSourceManagement}'s.
 */
@Service
class SubsidyPaymentsManagement implements SubsidyPayments {

	private final PaymentBatchRepository batches;

	private final SubsidyRulesRepository rules;

	private final ClaimReviewRepository claims;

	private final PaymentFiles files;

	private final PaymentHoldRepository holds;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SubsidyPaymentsManagement(PaymentBatchRepository batches, SubsidyRulesRepository rules,
			ClaimReviewRepository claims, PaymentFiles files, PaymentHoldRepository holds, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.batches = batches;
		this.rules = rules;
		this.claims = claims;
		this.files = files;
		this.holds = holds;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional
	public Overview overview(StaffActor actor, int fiscalYear) {
		long tenant = staff(actor);
		LocalDate today = JapanTime.today(clock);
		SubsidyRules year = rules.find(tenant, fiscalYear).orElse(null);
		Waiting waiting = batches.waiting(tenant, fiscalYear, null);
		TreeSet<Integer> years = new TreeSet<>(batches.years(tenant));
		years.add(SubsidyRules.fiscalYearOf(today));
		years.add(fiscalYear);
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCHES_VIEWED, tenant, actor,
				"subsidy_payment_batches", Map.of("fiscalYear", String.valueOf(fiscalYear))));
		return new Overview(fiscalYear, batches.batches(tenant, fiscalYear), waiting.count(), waiting.totalYen(), year,
				year == null ? null : Cutoffs.next(year, today), actor.tenantAdmin(),
				new ArrayList<>(years.descendingSet()), holds.held(tenant, fiscalYear));
	}

	@Override
	@Transactional
	public long closeNow(StaffActor actor, int fiscalYear) {
		long tenant = admin(actor);
		SubsidyRules year = rules.find(tenant, fiscalYear)
			.orElseThrow(() -> new PaymentProblem("subsidy.payments.problem.rulesMissing"));
		if (batches.waiting(tenant, fiscalYear, null).count() == 0) {
			throw new PaymentProblem("subsidy.payments.problem.nothingWaiting");
		}
		Formed made = batches.create(tenant, fiscalYear, year.paymentRoute(), JapanTime.today(clock), null,
				actor.loginId(), clock.instant());
		if (made.claims() == 0) {
			// another administrator took them a moment ago; rolls the empty batch back
			throw new PaymentProblem("subsidy.payments.problem.nothingWaiting");
		}
		Batch batch = batches.find(tenant, made.batchId()).orElseThrow();
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCH_CLOSED, tenant, actor,
				target(batch.id()), closed(batch, "NOW")));
		return batch.id();
	}

	/**
	 * The scheduled cut-off of one insurer's fiscal year: once per cut-off day, after the
	 * day is over, the claims approved until its end form a batch.
	 * @return the new batch's ID, or empty when the cut-off had run or nothing waited
	 */
	@Transactional
	public Optional<Long> closeAtCutoff(long tenant, int fiscalYear) {
		Optional<SubsidyRules> year = rules.find(tenant, fiscalYear);
		if (year.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		LocalDate cutOff = Cutoffs.lastBefore(year.get(), JapanTime.today(clock));
		if (!batches.startCutoffRun(tenant, fiscalYear, cutOff, now)) {
			return Optional.empty();
		}
		Instant endOfDay = cutOff.plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant();
		if (batches.waiting(tenant, fiscalYear, endOfDay).count() == 0) {
			return Optional.empty();
		}
		Formed made = batches.create(tenant, fiscalYear, year.get().paymentRoute(), cutOff, endOfDay, CUTOFF_ACTOR,
				now);
		if (made.claims() == 0) {
			batches.deleteEmpty(tenant, made.batchId());
			return Optional.empty();
		}
		batches.cutoffBatch(tenant, fiscalYear, cutOff, made.batchId());
		Batch batch = batches.find(tenant, made.batchId()).orElseThrow();
		audit.record(new AuditLog.Event(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCH_CLOSED.name(), tenant, "SYSTEM",
				CUTOFF_ACTOR, null, target(batch.id()), null, closed(batch, "CUTOFF")));
		return Optional.of(batch.id());
	}

	@Override
	@Transactional
	public BatchDetail batch(StaffActor actor, long batchId) {
		long tenant = staff(actor);
		Batch batch = batches.find(tenant, batchId).orElseThrow(BatchNotFound::new);
		List<BatchClaim> list = batches.claims(tenant, batchId);
		List<OfficeTotal> offices = PayrollList.offices(list).stream().map(PayrollList.Office::total).toList();
		boolean transfer = batch.route() == PaymentRoute.BANK_TRANSFER;
		List<PayeeProblem> payees = transfer && !batch.locked() ? files.payeeProblems(tenant, batchId) : List.of();
		boolean sourceMissing = transfer && batches.transferSource(tenant).isEmpty();
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCH_VIEWED, tenant, actor,
				target(batchId), Map.of("status", batch.status().name(), "claims", String.valueOf(list.size()))));
		return new BatchDetail(batch, list, offices, payees, sourceMissing, actor.tenantAdmin());
	}

	@Override
	@Transactional
	public PaymentFile export(StaffActor actor, long batchId, FileFormat format) {
		long tenant = admin(actor);
		Batch batch = batches.find(tenant, batchId).orElseThrow(BatchNotFound::new);
		if (!format.fits(batch.route())) {
			throw new PaymentProblem("subsidy.payments.problem.format");
		}
		Optional<byte[]> stored = batches.file(tenant, batchId, format);
		if (format == FileFormat.ZENGIN && stored.isEmpty()) {
			throw new PaymentProblem("subsidy.payments.problem.transferNotMade");
		}
		return export(actor, tenant, batch, format, stored, null);
	}

	@Override
	@Transactional
	public PaymentFile makeTransferFile(StaffActor actor, long batchId, LocalDate transferDate) {
		long tenant = admin(actor);
		Batch batch = batches.find(tenant, batchId).orElseThrow(BatchNotFound::new);
		if (!FileFormat.ZENGIN.fits(batch.route())) {
			throw new PaymentProblem("subsidy.payments.problem.format");
		}
		Optional<byte[]> stored = batches.file(tenant, batchId, FileFormat.ZENGIN);
		if (stored.isEmpty()) {
			String refused = TransferDates.problem(transferDate, JapanTime.today(clock));
			if (refused != null) {
				throw new PaymentProblem(refused);
			}
		}
		return export(actor, tenant, batch, FileFormat.ZENGIN, stored, transferDate);
	}

	/**
	 * The stored file, or a new one, stored, which locks the batch.
	 * @param transferDate the 振込指定日 of a new 全銀 file
	 */
	private PaymentFile export(StaffActor actor, long tenant, Batch batch, FileFormat format, Optional<byte[]> stored,
			LocalDate transferDate) {
		Instant now = clock.instant();
		byte[] content = stored.orElseGet(() -> files.build(tenant, batch, format, transferDate));
		boolean locking = !batch.locked();
		// The version the file was made from: a hold since makes the file stale.
		if (locking && !batches.lock(tenant, batch.id(), batch.version(), actor.loginId(), now, transferDate)) {
			throw new PaymentProblem("subsidy.payments.problem.stale");
		}
		if (stored.isEmpty()) {
			batches.saveFile(tenant, batch.id(), format, content, now);
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("format", format.name());
		details.put("claims", String.valueOf(batch.claimCount()));
		details.put("total", String.valueOf(batch.totalYen()));
		details.put("locked", String.valueOf(locking));
		details.put("again", String.valueOf(stored.isPresent()));
		if (stored.isEmpty() && transferDate != null) {
			details.put("transferDate", transferDate.toString());
		}
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCH_EXPORTED, tenant, actor,
				target(batch.id()), details));
		return new PaymentFile(PaymentFiles.fileName(batch, format), PaymentFiles.contentType(format), content);
	}

	@Override
	@Transactional
	public void markPaid(StaffActor actor, long batchId, int version, LocalDate paidOn) {
		long tenant = admin(actor);
		Batch batch = batches.find(tenant, batchId).orElseThrow(BatchNotFound::new);
		if (batch.status() == BatchStatus.OPEN) {
			throw new PaymentProblem("subsidy.payments.problem.notExported");
		}
		if (batch.status() == BatchStatus.PAID) {
			throw new PaymentProblem("subsidy.payments.problem.alreadyPaid");
		}
		if (paidOn == null) {
			throw new PaymentProblem("subsidy.payments.problem.paidOnMissing");
		}
		if (paidOn.isAfter(JapanTime.today(clock))) {
			throw new PaymentProblem("subsidy.payments.problem.paidOnFuture");
		}
		Instant now = clock.instant();
		List<Long> paid = batches.markPaid(tenant, batchId, version, paidOn, actor.loginId(), now)
			.orElseThrow(() -> new PaymentProblem("subsidy.payments.problem.stale"));
		for (long claim : paid) {
			claims.event(tenant, claim, SubsidyClaimStatus.PAID, null, null, null, actor.loginId(), now);
			audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_PAID, tenant, actor,
					"subsidy_claim:" + claim, Map.of("batch", String.valueOf(batchId), "paidOn", paidOn.toString())));
			// The member's mail (account module), written in this transaction or not at
			// all.
			claims.find(tenant, claim)
				.ifPresent(c -> events.publishEvent(new SubsidyClaimDecided(tenant, c.memberAccountId(), c.kigo(),
						c.bango(), c.receiptNumber(), c.personName(), SubsidyClaimStatus.PAID, c.amountYen())));
		}
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_PAYMENT_BATCH_PAID, tenant, actor,
				target(batchId), Map.of("paidOn", paidOn.toString(), "claims", String.valueOf(paid.size()), "total",
						String.valueOf(batch.totalYen()))));
	}

	private static Map<String, String> closed(Batch batch, String mode) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("mode", mode);
		details.put("fiscalYear", String.valueOf(batch.fiscalYear()));
		details.put("route", batch.route().name());
		details.put("cutOff", batch.cutOff().toString());
		details.put("claims", String.valueOf(batch.claimCount()));
		details.put("total", String.valueOf(batch.totalYen()));
		return details;
	}

	private static String target(long batchId) {
		return "subsidy_payment_batch:" + batchId;
	}

	/**
	 * The insurer's reviewers and administrators read; operators and office contacts
	 * never.
	 */
	private static long staff(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		return actor.requireTenant();
	}

	/** Money leaves the insurer: administrators only. */
	private static long admin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
