package jp.kennin.subsidy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.subsidy.ClaimReview.ReceiptCheck;
import jp.kennin.subsidy.MemberSubsidies;
import jp.kennin.subsidy.SubsidyAuditEvent;
import jp.kennin.subsidy.SubsidyCalculator;
import jp.kennin.subsidy.SubsidyClaimStatus;
import jp.kennin.subsidy.SubsidyClaimSubmitted;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.internal.MemberClaimRepository.StoredClaim;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's claims: each use case scopes by the member's household, applies the year's
 * rules through {@link SubsidyCalculator} (the same calculation staff decide with),
 * writes, and records the event row and the audit record in one transaction.
 */
@Service
@Transactional
class MemberClaimManagement implements MemberSubsidies {

	/** Longest clinic name and breakdown note (the columns' sizes). */
	static final int CLINIC_MAX = 100;

	static final int NOTE_MAX = 500;

	/**
	 * Which field a refusal of the calculator belongs to (the others are the claim's).
	 */
	private static final Map<String, String> REFUSAL_FIELD = Map.of("subsidy.refusal.shotInFuture", "shotDate",
			"subsidy.refusal.shotWindow", "shotDate", "subsidy.refusal.duplicateDate", "shotDate",
			"subsidy.refusal.notQualified", "shotDate", "subsidy.refusal.amount", "paidYen",
			"subsidy.refusal.coveredByAid", "aidYen", "subsidy.refusal.age", "shotDate", "subsidy.refusal.grade",
			"shotDate");

	private final MemberClaimRepository claims;

	private final SubsidyRulesRepository rules;

	private final Roster roster;

	private final Documents documents;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MemberClaimManagement(MemberClaimRepository claims, SubsidyRulesRepository rules, Roster roster,
			Documents documents, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.claims = claims;
		this.rules = rules;
		this.roster = roster;
		this.documents = documents;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Overview overview(Member member) {
		LocalDate today = JapanTime.today(clock);
		int year = currentYear(member.tenantId(), today);
		SubsidyRules r = rules.find(member.tenantId(), year).orElse(null);
		List<StoredClaim> all = claims.household(member);
		List<ClaimSummary> thisYear = all.stream()
			.map(StoredClaim::summary)
			.filter(c -> c.fiscalYear() == year)
			.toList();
		List<ClaimSummary> earlier = all.stream()
			.map(StoredClaim::summary)
			.filter(c -> c.fiscalYear() < year && c.status() != SubsidyClaimStatus.DRAFT)
			.toList();
		List<PersonEntry> persons = new ArrayList<>();
		for (RosterPerson p : people(member)) {
			persons.add(entry(r, p, today, thisYear));
		}
		boolean open = r != null && !today.isBefore(r.claimFrom()) && !today.isAfter(r.claimTo());
		boolean transfer = r != null && r.paymentRoute() == SubsidyRules.PaymentRoute.BANK_TRANSFER;
		return new Overview(year, r, open, persons, thisYear, earlier, transfer, claims.payee(member).orElse(null));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> draftFor(Member member, long personId, int dose) {
		return claims.household(member)
			.stream()
			.map(StoredClaim::summary)
			.filter(c -> c.status() == SubsidyClaimStatus.DRAFT && c.personId() == personId && c.dose() == dose)
			.map(ClaimSummary::id)
			.findFirst();
	}

	@Override
	public long start(Member member, ClaimInput input) {
		LocalDate today = JapanTime.today(clock);
		int year = currentYear(member.tenantId(), today);
		RosterPerson person = person(member, input.personId());
		ClaimInput in = cleaned(input);
		SubsidyCalculator.Assessment a = assessOrRefuse(member, rulesOrRefuse(member, year), person, in, -1, today);
		return claims.insertDraft(member, year, in, a.amountYen(), clock.instant());
	}

	@Override
	public void change(Member member, long claimId, int version, ClaimInput input) {
		StoredClaim stored = claims.find(member, claimId).orElseThrow(ClaimNotOpen::new);
		if (!stored.summary().status().editableByMember() || stored.version() != version) {
			throw new ClaimNotOpen();
		}
		// The person and dose are what the claim is for; only the answers change.
		ClaimInput in = cleaned(new ClaimInput(stored.input().personId(), stored.input().dose(), input.shotDate(),
				input.clinic(), input.paidYen(), input.aidYen(), input.combinedReceipt(), input.combinedNote()));
		RosterPerson person = person(member, in.personId());
		SubsidyCalculator.Assessment a = assessOrRefuse(member, rulesOrRefuse(member, stored.summary().fiscalYear()),
				person, in, claimId, JapanTime.today(clock));
		if (!claims.change(member, claimId, version, in, a.amountYen(), clock.instant())) {
			throw new ClaimNotOpen();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ClaimView> claim(Member member, long claimId) {
		return claims.find(member, claimId).map(stored -> view(member, stored));
	}

	private ClaimView view(Member member, StoredClaim stored) {
		ClaimSummary s = stored.summary();
		DocumentOwner owner = owner(member);
		String slot = RECEIPT_SLOT + s.id();
		List<StoredDocument> receipts = documents.list(owner).stream().filter(d -> slot.equals(d.slot())).toList();
		boolean editable = s.status().editableByMember();
		SubsidyCalculator.Assessment assessment = null;
		boolean payeeMissing = false;
		if (editable) {
			SubsidyRules r = rules.find(member.tenantId(), s.fiscalYear()).orElse(null);
			RosterPerson person = roster.findById(member.tenantId(), s.personId()).orElse(null);
			if (r != null && person != null) {
				assessment = assess(r, person, stored.input(), prior(member, person, s.fiscalYear(), s.id()),
						JapanTime.today(clock));
				payeeMissing = r.paymentRoute() == SubsidyRules.PaymentRoute.BANK_TRANSFER
						&& claims.payee(member).isEmpty();
			}
		}
		return new ClaimView(s, stored.input(), stored.relationship(), assessment, receipts,
				editable && documents.mayUpload(owner, s.personId(), slot),
				s.status() == SubsidyClaimStatus.DRAFT
						&& receipts.stream().allMatch(d -> documents.mayDelete(owner, d)),
				stored.decisionReason(), checks(stored.memberChecked()), claims.history(member, s.id()), payeeMissing,
				stored.version());
	}

	@Override
	public String send(Member member, long claimId, int version, Set<ReceiptCheck> checked) {
		StoredClaim stored = claims.find(member, claimId).orElseThrow(ClaimNotOpen::new);
		ClaimSummary s = stored.summary();
		if (!s.status().editableByMember() || stored.version() != version) {
			throw new ClaimNotOpen();
		}
		String slot = RECEIPT_SLOT + s.id();
		if (documents.list(owner(member)).stream().noneMatch(d -> slot.equals(d.slot()) && !d.infected())) {
			throw new ClaimRefused("receipt", "subsidy.member.error.noReceipt");
		}
		if (checked == null || !checked.containsAll(EnumSet.allOf(ReceiptCheck.class))) {
			throw new ClaimRefused("checks", "subsidy.member.error.checks");
		}
		LocalDate today = JapanTime.today(clock);
		RosterPerson person = person(member, s.personId());
		// Read once: the amount and the payment route come from the same rules.
		SubsidyRules r = rulesOrRefuse(member, s.fiscalYear());
		SubsidyCalculator.Assessment a = assessOrRefuse(member, r, person, stored.input(), claimId, today);
		if (r.paymentRoute() == SubsidyRules.PaymentRoute.BANK_TRANSFER && claims.payee(member).isEmpty()) {
			throw new ClaimRefused("payee", "subsidy.member.error.payee");
		}
		boolean resent = s.status() == SubsidyClaimStatus.RETURNED;
		String receipt = s.receiptNumber() != null ? s.receiptNumber() : "IF%d-%07d".formatted(s.fiscalYear(), s.id());
		String checklist = Arrays.stream(ReceiptCheck.values()).map(Enum::name).collect(Collectors.joining(","));
		Instant now = clock.instant();
		if (!claims.send(member, claimId, version, a.amountYen(), receipt, checklist, now)) {
			throw new ClaimNotOpen();
		}
		claims.event(member, claimId, SubsidyClaimStatus.SUBMITTED, checklist, now);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("receipt", receipt);
		details.put("amount", Integer.toString(a.amountYen()));
		details.put("resent", Boolean.toString(resent));
		record(member, SubsidyAuditEvent.SUBSIDY_CLAIM_SUBMITTED, "subsidy_claim:" + claimId, details);
		events.publishEvent(new SubsidyClaimSubmitted(member.tenantId(), member.accountId(), member.kigo(),
				member.bango(), receipt, person.name(), s.dose(), a.amountYen(), resent));
		return receipt;
	}

	@Override
	public void withdraw(Member member, long claimId, int version) {
		StoredClaim stored = claims.find(member, claimId).orElseThrow(ClaimNotOpen::new);
		if (stored.summary().status() == SubsidyClaimStatus.DRAFT
				|| !claims.withdraw(member, claimId, version, clock.instant())) {
			throw new ClaimNotOpen();
		}
		claims.event(member, claimId, SubsidyClaimStatus.WITHDRAWN, null, clock.instant());
		record(member, SubsidyAuditEvent.SUBSIDY_CLAIM_WITHDRAWN, "subsidy_claim:" + claimId,
				Map.of("receipt", stored.summary().receiptNumber()));
	}

	@Override
	public boolean discard(Member member, long claimId) {
		StoredClaim stored = claims.find(member, claimId).orElse(null);
		if (stored == null || stored.summary().status() != SubsidyClaimStatus.DRAFT) {
			return false;
		}
		DocumentOwner owner = owner(member);
		String slot = RECEIPT_SLOT + claimId;
		documents.list(owner).stream().filter(d -> slot.equals(d.slot())).forEach(d -> documents.delete(owner, d.id()));
		return claims.deleteDraft(member, claimId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Payee> payee(Member member) {
		return claims.payee(member);
	}

	@Override
	public void savePayee(Member member, Payee payee) {
		Payee p = PayeeCheck.check(payee);
		boolean had = claims.payee(member).isPresent();
		claims.savePayee(member, p, clock.instant());
		// The account number stays out of the audit record; the bank and branch say
		// enough.
		record(member, SubsidyAuditEvent.SUBSIDY_PAYEE_SAVED, "subsidy_payee:" + member.accountId(),
				Map.of("bank", p.bankCode(), "branch", p.branchCode(), "replaced", Boolean.toString(had)));
	}

	// --- rules ---

	/**
	 * The fiscal year claims are taken for today: last year's while its claim window is
	 * still open (claims in April for March shots), else this one.
	 */
	private int currentYear(long tenantId, LocalDate today) {
		int year = SubsidyRules.fiscalYearOf(today);
		Optional<SubsidyRules> last = rules.find(tenantId, year - 1);
		if (last.isPresent() && !today.isAfter(last.get().claimTo()) && rules.find(tenantId, year).isEmpty()) {
			return year - 1;
		}
		return year;
	}

	private PersonEntry entry(SubsidyRules r, RosterPerson p, LocalDate today, List<ClaimSummary> thisYear) {
		if (r == null) {
			return new PersonEntry(p.id(), p.name(), p.relationship(), p.insured(), p.birthDate(),
					"subsidy.member.noRules", 0, 0, List.of());
		}
		// Judged for a shot today, or on the window's first or last day outside it.
		LocalDate on = today.isBefore(r.shotFrom()) ? r.shotFrom() : today.isAfter(r.shotTo()) ? r.shotTo() : today;
		SubsidyCalculator.Person person = new SubsidyCalculator.Person(p.insured(), p.birthDate());
		List<SubsidyCalculator.PriorClaim> prior = thisYear.stream()
			.filter(c -> c.personId() == p.id() && c.status().counts())
			.map(c -> new SubsidyCalculator.PriorClaim(c.dose(), c.shotDate(), c.amountYen()))
			.toList();
		int doses = SubsidyCalculator.dosesAllowed(r, person, on);
		List<Integer> open = IntStream.rangeClosed(1, doses)
			.filter(d -> prior.stream().noneMatch(c -> c.dose() == d))
			.boxed()
			.toList();
		return new PersonEntry(p.id(), p.name(), p.relationship(), p.insured(), p.birthDate(),
				SubsidyCalculator.coverageRefusal(r, person, on), doses,
				SubsidyCalculator.remainingYen(r, doses, prior), open);
	}

	private SubsidyRules rulesOrRefuse(Member member, int year) {
		return rules.find(member.tenantId(), year).orElseThrow(() -> new ClaimRefused(null, "subsidy.member.noRules"));
	}

	private SubsidyCalculator.Assessment assessOrRefuse(Member member, SubsidyRules r, RosterPerson person,
			ClaimInput in, long exceptId, LocalDate today) {
		checkText(in);
		int year = r.fiscalYear();
		if (person.qualifiedOn() != null && in.shotDate().isBefore(person.qualifiedOn())) {
			throw new ClaimRefused("shotDate", "subsidy.refusal.notQualified");
		}
		SubsidyCalculator.Assessment a = assess(r, person, in, prior(member, person, year, exceptId), today);
		if (!a.taken()) {
			throw new ClaimRefused(REFUSAL_FIELD.get(a.refusal()), a.refusal());
		}
		return a;
	}

	private static SubsidyCalculator.Assessment assess(SubsidyRules r, RosterPerson person, ClaimInput in,
			List<SubsidyCalculator.PriorClaim> prior, LocalDate today) {
		return SubsidyCalculator.assess(r, new SubsidyCalculator.Person(person.insured(), person.birthDate()),
				new SubsidyCalculator.Claim(in.shotDate(), in.dose(), in.paidYen(), in.aidYen()), prior, today);
	}

	private List<SubsidyCalculator.PriorClaim> prior(Member member, RosterPerson person, int year, long exceptId) {
		return claims.counting(member.tenantId(), person.id(), year, exceptId)
			.stream()
			.map(c -> new SubsidyCalculator.PriorClaim(c.dose(), c.shotDate(), c.amountYen()))
			.toList();
	}

	private static void checkText(ClaimInput in) {
		if (in.clinic() == null || in.clinic().isBlank()) {
			throw new ClaimRefused("clinic", "subsidy.member.error.clinic");
		}
		if (in.clinic().length() > CLINIC_MAX) {
			throw new ClaimRefused("clinic", "subsidy.member.error.clinicLength");
		}
		if (in.combinedReceipt() && (in.combinedNote() == null || in.combinedNote().isBlank())) {
			throw new ClaimRefused("combinedNote", "subsidy.member.error.combinedNote");
		}
		if (in.combinedNote() != null && in.combinedNote().length() > NOTE_MAX) {
			throw new ClaimRefused("combinedNote", "subsidy.member.error.combinedNoteLength");
		}
	}

	private static ClaimInput cleaned(ClaimInput in) {
		String note = in.combinedReceipt() && in.combinedNote() != null ? in.combinedNote().strip() : null;
		return new ClaimInput(in.personId(), in.dose(), in.shotDate(), in.clinic() == null ? null : in.clinic().strip(),
				in.paidYen(), in.aidYen(), in.combinedReceipt(), note);
	}

	// --- household ---

	private List<RosterPerson> people(Member member) {
		return roster.household(member.tenantId(), member.kigo(), member.bango())
			.stream()
			.filter(RosterPerson::active)
			.toList();
	}

	/** A person of the member's household on the roster now; any other is refused. */
	private RosterPerson person(Member member, long personId) {
		return people(member).stream()
			.filter(p -> p.id() == personId)
			.findFirst()
			.orElseThrow(() -> new ClaimRefused(null, "subsidy.member.error.person"));
	}

	private static DocumentOwner owner(Member member) {
		return new DocumentOwner(member.tenantId(), member.kigo(), member.bango());
	}

	private static Set<ReceiptCheck> checks(String stored) {
		Set<ReceiptCheck> out = EnumSet.noneOf(ReceiptCheck.class);
		if (stored != null) {
			for (String name : stored.split(",")) {
				Arrays.stream(ReceiptCheck.values()).filter(c -> c.name().equals(name)).forEach(out::add);
			}
		}
		return out;
	}

	private void record(Member member, SubsidyAuditEvent type, String target, Map<String, String> details) {
		audit.record(new AuditLog.Event(type.name(), member.tenantId(), "MEMBER", member.key(), null, target,
				member.ip(), details));
	}

}
