package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentContent;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.MemberSubsidies;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyCalculator;
import jp.kennin.subsidy.SubsidyClaimDecided;
import jp.kennin.subsidy.SubsidyClaimStatus;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.internal.ClaimReviewRepository.ClaimRow;
import jp.kennin.subsidy.internal.ClaimReviewRepository.PersonClaim;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff review of subsidy claims. Each use case checks the role and the insurer first
 * (TENANT_ADMIN or REVIEWER of the tenant; bulk approval TENANT_ADMIN only), then reads,
 * decides and writes the claim, its event row, the typed audit record and the member's
 * mail (through {@link SubsidyClaimDecided}) in one transaction; a refused decision
 * throws before anything is written.
 */
@Service
class ClaimReviewManagement implements ClaimReview {

	/** What a reviewer or bulk approval may decide. */
	static final Set<SubsidyClaimStatus> OPEN = EnumSet.of(SubsidyClaimStatus.SUBMITTED, SubsidyClaimStatus.IN_REVIEW);

	/** A return never answered may be rejected too. */
	static final Set<SubsidyClaimStatus> REJECTABLE = EnumSet.of(SubsidyClaimStatus.SUBMITTED,
			SubsidyClaimStatus.IN_REVIEW, SubsidyClaimStatus.RETURNED);

	/** The checklist of a bulk approval: no item was checked by eye. */
	static final String BULK = "BULK";

	private final ClaimReviewRepository claims;

	private final SubsidyRulesRepository rules;

	private final PaymentHoldRepository holds;

	private final Documents documents;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	ClaimReviewManagement(ClaimReviewRepository claims, SubsidyRulesRepository rules, Documents documents,
			PaymentHoldRepository holds, AuditLog audit, ApplicationEventPublisher events, MessageSource messages,
			Clock clock) {
		this.claims = claims;
		this.holds = holds;
		this.rules = rules;
		this.documents = documents;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Queue queue(StaffActor actor, Filter filter, After after) {
		long tenant = staff(actor);
		List<ClaimRow> found = claims.page(tenant, filter, after, PAGE_SIZE);
		After next = null;
		if (found.size() > PAGE_SIZE) {
			found = found.subList(0, PAGE_SIZE);
			ClaimRow last = found.get(found.size() - 1);
			next = new After(last.submittedAt(), last.id());
		}
		Map<Long, Recomputed> recomputed = recompute(tenant, found);
		List<Row> rows = found.stream()
			.map(c -> new Row(c.id(), c.receiptNumber(), c.personName(), c.kigo(), c.bango(), c.officeName(),
					c.shotDate(), c.amountYen(), c.status(), c.version(), c.submittedAt(), c.duplicatePerson(),
					c.duplicateReceipt(), skipReason(c, recomputed.get(c.id())) == null))
			.toList();
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_QUEUE_VIEWED, tenant, actor,
				"subsidy_claims", details(filter, after)));
		return new Queue(rows, next, claims.offices(tenant), claims.years(tenant), actor.tenantAdmin());
	}

	@Override
	@Transactional
	public ClaimView open(StaffActor actor, long claimId) {
		long tenant = staff(actor);
		ClaimRow claim = claims.find(tenant, claimId).orElseThrow(ClaimNotFound::new);
		if (claim.status() == SubsidyClaimStatus.SUBMITTED
				&& claims.startReview(tenant, claimId, actor.loginId(), clock.instant())) {
			audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_REVIEW_STARTED, tenant, actor,
					target(claimId), Map.of("receipt", claim.receiptNumber())));
			claim = claims.find(tenant, claimId).orElseThrow(ClaimNotFound::new);
		}
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_VIEWED, tenant, actor, target(claimId),
				Map.of("receipt", claim.receiptNumber(), "status", claim.status().name())));
		ClaimRow c = claim;
		Person person = new Person(c.personId(), c.personName(), c.personBirth(), c.personInsured(),
				c.personRelationship(), c.officeCode(), c.officeName());
		return new ClaimView(c.id(), c.receiptNumber(), c.fiscalYear(), c.kigo(), c.bango(), c.dose(), c.shotDate(),
				c.clinic(), c.paidYen(), c.aidYen(), c.combinedReceipt(), c.combinedNote(), c.amountYen(), c.status(),
				c.decisionReason(), c.submittedAt(), c.version(), person, receipts(tenant, c),
				claims.samePersonAndDate(tenant, c), claims.sameReceiptFile(tenant, c), recompute(tenant, c),
				claims.events(tenant, claimId), OPEN.contains(c.status()), REJECTABLE.contains(c.status()),
				holds.find(tenant, claimId).orElse(null));
	}

	@Override
	@Transactional
	public Optional<DocumentContent> receipt(StaffActor actor, long claimId, long documentId) {
		long tenant = staff(actor);
		ClaimRow claim = claims.find(tenant, claimId).orElseThrow(ClaimNotFound::new);
		boolean own = receipts(tenant, claim).stream().anyMatch(d -> d.id() == documentId);
		return own ? documents.openForStaff(actor, documentId, false) : Optional.empty();
	}

	@Override
	@Transactional
	public void approve(StaffActor actor, long claimId, int version, Set<ReceiptCheck> checked) {
		long tenant = staff(actor);
		ClaimRow claim = current(tenant, claimId, version, OPEN);
		if (checked == null || !checked.containsAll(EnumSet.allOf(ReceiptCheck.class))) {
			throw new ClaimReviewProblem("subsidy.review.problem.checklist");
		}
		Recomputed recomputed = recompute(tenant, claim);
		if (recomputed.rulesMissing()) {
			throw new ClaimReviewProblem("subsidy.review.problem.rulesMissing");
		}
		if (!recomputed.taken()) {
			throw new ClaimReviewProblem("subsidy.review.problem.assessment", recomputed.assessment().refusal());
		}
		String checklist = EnumSet.copyOf(checked).stream().map(Enum::name).collect(Collectors.joining(","));
		approve(tenant, actor, claim, recomputed.assessment().amountYen(), checklist);
	}

	@Override
	@Transactional
	public void returnClaim(StaffActor actor, long claimId, int version, ReturnReason reason, String text) {
		long tenant = staff(actor);
		ClaimRow claim = current(tenant, claimId, version, OPEN);
		String free = text == null ? "" : text.strip();
		if (reason == null) {
			throw new ClaimReviewProblem("subsidy.review.problem.returnReason");
		}
		if (reason == ReturnReason.OTHER && free.isEmpty()) {
			throw new ClaimReviewProblem("subsidy.review.problem.returnText");
		}
		String full = reason == ReturnReason.OTHER ? free
				: label("subsidy.review.returnReason." + reason.name()) + (free.isEmpty() ? "" : "\n" + free);
		checkText(full);
		Instant now = clock.instant();
		decide(tenant, actor, claim, SubsidyClaimStatus.RETURNED, claim.amountYen(), full, now);
		claims.event(tenant, claimId, SubsidyClaimStatus.RETURNED, full, reason.name(), null, actor.loginId(), now);
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_RETURNED, tenant, actor, target(claimId),
				Map.of("receipt", claim.receiptNumber(), "reasonCode", reason.name(), "reason", full)));
		publish(tenant, claim, SubsidyClaimStatus.RETURNED, 0);
	}

	@Override
	@Transactional
	public void reject(StaffActor actor, long claimId, int version, String reason) {
		long tenant = staff(actor);
		ClaimRow claim = current(tenant, claimId, version, REJECTABLE);
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw new ClaimReviewProblem("subsidy.review.problem.rejectReason");
		}
		checkText(text);
		Instant now = clock.instant();
		decide(tenant, actor, claim, SubsidyClaimStatus.REJECTED, claim.amountYen(), text, now);
		claims.event(tenant, claimId, SubsidyClaimStatus.REJECTED, text, null, null, actor.loginId(), now);
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_REJECTED, tenant, actor, target(claimId),
				Map.of("receipt", claim.receiptNumber(), "reason", text)));
		publish(tenant, claim, SubsidyClaimStatus.REJECTED, 0);
	}

	@Override
	@Transactional
	public BulkResult approveClean(StaffActor actor, Map<Long, Integer> selected) {
		long tenant = bulk(actor);
		List<ClaimRow> found = new ArrayList<>();
		List<Skipped> skipped = new ArrayList<>();
		for (Map.Entry<Long, Integer> e : selected.entrySet()) {
			Optional<ClaimRow> claim = claims.find(tenant, e.getKey());
			if (claim.isEmpty()) {
				skipped.add(new Skipped(e.getKey(), null, SkipReason.NOT_FOUND));
			}
			else if (claim.get().version() != e.getValue()) {
				skipped.add(new Skipped(e.getKey(), claim.get().receiptNumber(), SkipReason.CHANGED));
			}
			else {
				found.add(claim.get());
			}
		}
		return bulkApprove(tenant, actor, found, skipped, "SELECTED");
	}

	@Override
	@Transactional
	public BulkResult approveAllClean(StaffActor actor, Filter filter) {
		long tenant = bulk(actor);
		List<ClaimRow> open = new ArrayList<>();
		After after = null;
		do {
			List<ClaimRow> page = claims.page(tenant, filter, after, PAGE_SIZE);
			after = null;
			if (page.size() > PAGE_SIZE) {
				page = page.subList(0, PAGE_SIZE);
				ClaimRow last = page.get(page.size() - 1);
				after = new After(last.submittedAt(), last.id());
			}
			page.stream().filter(c -> OPEN.contains(c.status())).forEach(open::add);
		}
		while (after != null && open.size() < BULK_MAX);
		return bulkApprove(tenant, actor, open.subList(0, Math.min(open.size(), BULK_MAX)), new ArrayList<>(),
				"FILTER");
	}

	private BulkResult bulkApprove(long tenant, StaffActor actor, List<ClaimRow> candidates, List<Skipped> skipped,
			String mode) {
		Map<Long, Recomputed> recomputed = recompute(tenant, candidates);
		List<String> approved = new ArrayList<>();
		for (ClaimRow claim : candidates) {
			SkipReason why = skipReason(claim, recomputed.get(claim.id()));
			if (why != null) {
				skipped.add(new Skipped(claim.id(), claim.receiptNumber(), why));
				continue;
			}
			try {
				approve(tenant, actor, claim, recomputed.get(claim.id()).assessment().amountYen(), BULK);
				approved.add(claim.receiptNumber());
			}
			catch (ClaimReviewProblem stale) {
				skipped.add(new Skipped(claim.id(), claim.receiptNumber(), SkipReason.CHANGED));
			}
		}
		skipped.sort(Comparator.comparing(Skipped::claimId));
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIMS_BULK_APPROVED, tenant, actor,
				"subsidy_claims", Map.of("mode", mode, "approved", String.valueOf(approved.size()), "skipped",
						String.valueOf(skipped.size()))));
		return new BulkResult(approved, skipped);
	}

	private void approve(long tenant, StaffActor actor, ClaimRow claim, int amount, String checklist) {
		Instant now = clock.instant();
		decide(tenant, actor, claim, SubsidyClaimStatus.APPROVED, amount, null, now);
		claims.event(tenant, claim.id(), SubsidyClaimStatus.APPROVED, null, null, checklist, actor.loginId(), now);
		audit.record(AuditLog.Event.byStaff(SubsidyAuditEvent.SUBSIDY_CLAIM_APPROVED, tenant, actor, target(claim.id()),
				Map.of("receipt", claim.receiptNumber(), "amount", String.valueOf(amount), "storedAmount",
						String.valueOf(claim.amountYen()), "checklist", checklist)));
		publish(tenant, claim, SubsidyClaimStatus.APPROVED, amount);
	}

	/**
	 * The guarded write: refused as stale when someone changed the claim since it was
	 * read.
	 */
	private void decide(long tenant, StaffActor actor, ClaimRow claim, SubsidyClaimStatus to, int amount, String reason,
			Instant now) {
		Set<SubsidyClaimStatus> from = to == SubsidyClaimStatus.REJECTED ? REJECTABLE : OPEN;
		if (!claims.decide(tenant, claim.id(), claim.version(), from, to, amount, reason, actor.loginId(), now)) {
			throw new ClaimReviewProblem("subsidy.review.problem.stale");
		}
	}

	/**
	 * The claim as it is now, if it still has the version the reviewer saw and may take
	 * the decision.
	 */
	private ClaimRow current(long tenant, long claimId, int version, Set<SubsidyClaimStatus> allowed) {
		ClaimRow claim = claims.find(tenant, claimId).orElseThrow(ClaimNotFound::new);
		if (claim.version() != version) {
			throw new ClaimReviewProblem("subsidy.review.problem.stale",
					"subsidy.review.status." + claim.status().name());
		}
		if (!allowed.contains(claim.status())) {
			throw new ClaimReviewProblem("subsidy.review.problem.notOpen",
					"subsidy.review.status." + claim.status().name());
		}
		return claim;
	}

	private void publish(long tenant, ClaimRow claim, SubsidyClaimStatus status, int amount) {
		events.publishEvent(new SubsidyClaimDecided(tenant, claim.memberAccountId(), claim.kigo(), claim.bango(),
				claim.receiptNumber(), claim.personName(), status, amount));
	}

	/** Why bulk approval must leave the claim to a reviewer, or null for a clean one. */
	static SkipReason skipReason(ClaimRow claim, Recomputed recomputed) {
		if (!OPEN.contains(claim.status())) {
			return SkipReason.NOT_OPEN;
		}
		if (claim.duplicatePerson() || claim.duplicateReceipt()) {
			return SkipReason.DUPLICATE;
		}
		if (claim.combinedReceipt()) {
			return SkipReason.COMBINED_RECEIPT;
		}
		if (claim.receipts() == 0) {
			return SkipReason.NO_RECEIPT;
		}
		if (recomputed.rulesMissing()) {
			return SkipReason.RULES_MISSING;
		}
		if (!recomputed.taken()) {
			return SkipReason.ASSESSMENT_REFUSED;
		}
		return recomputed.matches() ? null : SkipReason.AMOUNT_DIFFERS;
	}

	private Recomputed recompute(long tenant, ClaimRow claim) {
		return recompute(tenant, List.of(claim)).get(claim.id());
	}

	/**
	 * The calculator on each claim: the year's rules, the person as the roster has them,
	 * the person's other counting claims of the year, on the Japan date it was submitted.
	 */
	private Map<Long, Recomputed> recompute(long tenant, List<ClaimRow> rows) {
		List<PersonClaim> counting = claims.countingClaims(tenant,
				rows.stream().map(ClaimRow::personId).distinct().toList());
		Map<Integer, Optional<SubsidyRules>> years = new HashMap<>();
		Map<Long, Recomputed> out = new LinkedHashMap<>();
		for (ClaimRow c : rows) {
			Optional<SubsidyRules> year = years.computeIfAbsent(c.fiscalYear(), y -> rules.find(tenant, y));
			if (year.isEmpty()) {
				out.put(c.id(), new Recomputed(null, c.amountYen()));
				continue;
			}
			List<SubsidyCalculator.PriorClaim> prior = counting.stream()
				.filter(p -> p.personId() == c.personId() && p.fiscalYear() == c.fiscalYear() && p.id() != c.id())
				.map(p -> new SubsidyCalculator.PriorClaim(p.dose(), p.shotDate(), p.amountYen()))
				.toList();
			out.put(c.id(),
					new Recomputed(SubsidyCalculator.assess(year.get(),
							new SubsidyCalculator.Person(c.personInsured(), c.personBirth()),
							new SubsidyCalculator.Claim(c.shotDate(), c.dose(), c.paidYen(), c.aidYen()), prior,
							c.submittedOn()), c.amountYen()));
		}
		return out;
	}

	/** The claim's receipt files, newest first. */
	private List<StoredDocument> receipts(long tenant, ClaimRow claim) {
		String slot = MemberSubsidies.RECEIPT_SLOT + claim.id();
		return documents.listForStaff(tenant, claim.kigo(), claim.bango())
			.stream()
			.filter(d -> slot.equals(d.slot()))
			.sorted(Comparator.comparing(StoredDocument::createdAt).thenComparing(StoredDocument::id).reversed())
			.toList();
	}

	private String label(String key) {
		return messages.getMessage(key, null, Locale.JAPANESE);
	}

	private static void checkText(String text) {
		if (text.length() > REASON_MAX) {
			throw new ClaimReviewProblem("subsidy.review.problem.tooLong");
		}
		if (NoControlCharacters.Check.found(text, true)) {
			throw new ClaimReviewProblem("subsidy.review.problem.character");
		}
	}

	private static String target(long claimId) {
		return "subsidy_claim:" + claimId;
	}

	/**
	 * The insurer's reviewers and administrators; operators and office contacts never.
	 */
	private static long staff(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN, StaffActor.REVIEWER);
		return actor.requireTenant();
	}

	/** Bulk approval decides without looking at the receipt: administrators only. */
	private static long bulk(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

	private static Map<String, String> details(Filter filter, After after) {
		Map<String, String> out = new LinkedHashMap<>();
		put(out, "status", filter.status());
		put(out, "office", filter.office());
		put(out, "amountFrom", filter.amountFrom());
		put(out, "amountTo", filter.amountTo());
		put(out, "submittedFrom", filter.submittedFrom());
		put(out, "submittedTo", filter.submittedTo());
		put(out, "fiscalYear", filter.fiscalYear());
		put(out, "after", after == null ? null : after.claimId());
		return out;
	}

	private static void put(Map<String, String> out, String key, Object value) {
		if (value != null && !value.toString().isBlank()) {
			out.put(key, value.toString());
		}
	}

}
