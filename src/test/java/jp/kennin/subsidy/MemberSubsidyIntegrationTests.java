package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kennin.account.MemberAccounts;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.DocumentRejectedException;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview.ReceiptCheck;
import jp.kennin.subsidy.ClaimReview.ReturnReason;
import jp.kennin.subsidy.MemberSubsidies.ClaimInput;
import jp.kennin.subsidy.MemberSubsidies.ClaimNotOpen;
import jp.kennin.subsidy.MemberSubsidies.ClaimRefused;
import jp.kennin.subsidy.MemberSubsidies.Member;
import jp.kennin.subsidy.MemberSubsidies.Payee;
import jp.kennin.subsidy.MemberSubsidies.PersonEntry;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A member claims the influenza subsidy: the overview says who can claim and what is
 * left, a claim is kept as a draft until a receipt is there and the five items are
 * confirmed, the amount is the calculator's, sending gives a receipt number, a mail, an
 * event row and an audit record; a second claim for the same dose, a shot outside the
 * window or a claim after the claim window is refused with its reason on its field; a
 * returned claim is corrected and resent under the same number; a sent claim can be
 * withdrawn; bank-transfer insurers need the account first; nobody else finds the claim
 * or its receipt slot.
 */
@KenninIntegrationTest
class MemberSubsidyIntegrationTests {

	private static final Set<ReceiptCheck> ALL = EnumSet.allOf(ReceiptCheck.class);

	@Autowired
	MemberSubsidies member;

	@Autowired
	ClaimReview review;

	@Autowired
	Subsidies subsidies;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Documents documents;

	@Autowired
	MemberAccounts accounts;

	Tenant tenant;

	StaffActor admin;

	SubsidyClaimFixture fixture;

	long insured;

	long child;

	long elder;

	Member me;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金申請テスト健保");
		admin = new StaffActor("member-claims-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.9");
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		fixture = new SubsidyClaimFixture(jdbc, documents, clock, tenant.id());
		insured = fixture.person("00", true, "申請　太郎", LocalDate.of(1980, 5, 5));
		child = fixture.person("01", false, "申請　花子", LocalDate.of(2017, 7, 7));
		elder = fixture.person("02", false, "申請　ウメ", LocalDate.of(1950, 1, 1));
		me = new Member(tenant.id(), fixture.account(), SubsidyClaimFixture.KIGO, SubsidyClaimFixture.BANGO,
				"198.51.100.7");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_claim_for_a_child_is_sent_with_a_receipt_and_the_five_checks_and_gets_a_number_mail_and_audit() {
		MemberSubsidies.Overview before = member.overview(me);
		PersonEntry hanako = person(before, child);
		assertThat(before.claimWindowOpen()).isTrue();
		assertThat(hanako.dosesAllowed()).as("under 13: two doses").isEqualTo(2);
		assertThat(hanako.openDoses()).containsExactly(1, 2);
		assertThat(hanako.remainingYen()).isEqualTo(2_000);
		assertThat(person(before, insured).dosesAllowed()).isEqualTo(1);

		long id = member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		MemberSubsidies.ClaimView draft = member.claim(me, id).orElseThrow();
		assertThat(draft.summary().status()).isEqualTo(SubsidyClaimStatus.DRAFT);
		assertThat(draft.assessment().amountYen()).isEqualTo(2_000);
		assertThat(draft.uploadable()).isTrue();
		assertThat(draftsVisibleToStaff()).as("staff never see drafts").isZero();

		assertThatThrownBy(() -> member.send(me, id, draft.version(), ALL)).isInstanceOfSatisfying(ClaimRefused.class,
				ex -> assertThat(ex.field()).isEqualTo("receipt"));
		receipt(me, id, child);
		assertThatThrownBy(() -> member.send(me, id, draft.version(), EnumSet.of(ReceiptCheck.NAME)))
			.isInstanceOfSatisfying(ClaimRefused.class, ex -> assertThat(ex.field()).isEqualTo("checks"));

		String number = member.send(me, id, draft.version(), ALL);

		assertThat(number).isEqualTo("IF2026-%07d".formatted(id));
		MemberSubsidies.ClaimView sent = member.claim(me, id).orElseThrow();
		assertThat(sent.summary().status()).isEqualTo(SubsidyClaimStatus.SUBMITTED);
		assertThat(sent.summary().amountYen()).isEqualTo(2_000);
		assertThat(sent.uploadable()).as("a sent claim takes no new files").isFalse();
		assertThat(sent.history()).extracting(MemberSubsidies.HistoryEntry::status)
			.containsExactly(SubsidyClaimStatus.SUBMITTED);
		assertThat(mails(number)).as("the receipt mail names the number").isEqualTo(1);
		assertThat(audits("SUBSIDY_CLAIM_SUBMITTED", id)).isEqualTo(1);
		assertThat(review.open(admin, id).receiptNumber()).isEqualTo(number);
		PersonEntry after = person(member.overview(me), child);
		assertThat(after.openDoses()).containsExactly(2);
		assertThat(after.remainingYen()).as("the per-person cap is used up").isZero();
	}

	@Test
	void a_second_claim_for_the_same_dose_and_a_shot_outside_the_window_are_refused_with_the_reason() {
		send(member.start(me, input(insured, 1, LocalDate.of(2026, 10, 20), 4_000, 0)), insured);

		assertThatThrownBy(() -> member.start(me, input(insured, 1, LocalDate.of(2026, 11, 1), 4_000, 0)))
			.isInstanceOfSatisfying(ClaimRefused.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("subsidy.refusal.duplicateDose"));
		assertThatThrownBy(() -> member.start(me, input(child, 1, LocalDate.of(2026, 9, 30), 4_000, 0)))
			.isInstanceOfSatisfying(ClaimRefused.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("subsidy.refusal.shotWindow");
				assertThat(ex.field()).isEqualTo("shotDate");
			});
		assertThatThrownBy(() -> member.start(me, input(child, 1, LocalDate.of(2026, 11, 20), 4_000, 0)))
			.as("a shot after today")
			.isInstanceOfSatisfying(ClaimRefused.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("subsidy.refusal.shotInFuture"));
		assertThatThrownBy(() -> member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 1_000, 1_000)))
			.as("aid covers it all")
			.isInstanceOfSatisfying(ClaimRefused.class, ex -> assertThat(ex.field()).isEqualTo("aidYen"));

		clock.setInstant(Instant.parse("2027-03-05T01:00:00Z"));
		assertThat(member.overview(me).claimWindowOpen()).isFalse();
		assertThatThrownBy(() -> member.start(me, input(child, 1, LocalDate.of(2026, 12, 2), 4_000, 0)))
			.isInstanceOfSatisfying(ClaimRefused.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("subsidy.refusal.claimWindow"));
	}

	@Test
	void age_rules_and_who_is_covered_show_on_the_overview_and_refuse_the_claim() {
		SubsidyRules r = SubsidyRules.suggested(2026);
		subsidies.saveRules(admin,
				new SubsidyRules(2026, r.shotFrom(), r.shotTo(), r.claimFrom(), r.claimTo(), false, true, 65, null,
						SubsidyRules.CapMode.PER_DOSE, 1_500, 13, true, "会社の集団接種", r.paymentRoute(), r.cutoff(),
						r.cutoffDay()));

		MemberSubsidies.Overview o = member.overview(me);
		assertThat(person(o, insured).notCovered()).isEqualTo("subsidy.refusal.insuredNotCovered");
		assertThat(person(o, elder).notCovered()).isEqualTo("subsidy.refusal.age");
		assertThat(person(o, child).notCovered()).isNull();
		assertThat(person(o, child).remainingYen()).as("per dose: two doses of 1,500").isEqualTo(3_000);
		assertThatThrownBy(() -> member.start(me, input(elder, 1, LocalDate.of(2026, 11, 2), 4_000, 0)))
			.isInstanceOfSatisfying(ClaimRefused.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("subsidy.refusal.age"));

		long first = member.start(me, input(child, 1, LocalDate.of(2026, 10, 10), 3_000, 1_000));
		assertThat(member.claim(me, first).orElseThrow().assessment().amountYen()).as("min(3,000 - 1,000, 1,500)")
			.isEqualTo(1_500);
		send(first, child);
		long second = member.start(me, input(child, 2, LocalDate.of(2026, 11, 10), 1_200, 0));
		assertThat(member.claim(me, second).orElseThrow().assessment().amountYen()).isEqualTo(1_200);
	}

	@Test
	void a_returned_claim_is_corrected_and_resent_under_the_same_number() {
		long id = member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		String number = send(id, child);
		review.open(admin, id);
		review.returnClaim(admin, id, version(id), ReturnReason.AMOUNT_UNCLEAR, "金額が読み取れません");

		MemberSubsidies.ClaimView returned = member.claim(me, id).orElseThrow();
		assertThat(returned.summary().status()).isEqualTo(SubsidyClaimStatus.RETURNED);
		assertThat(returned.decisionReason()).contains("金額が読み取れません");
		assertThat(returned.uploadable()).as("a clearer photo may be added").isTrue();
		assertThat(returned.deletable()).as("what staff saw stays").isFalse();

		member.change(me, id, returned.version(), input(child, 1, LocalDate.of(2026, 11, 2), 1_800, 0));
		receipt(me, id, child);
		MemberSubsidies.ClaimView corrected = member.claim(me, id).orElseThrow();
		assertThat(corrected.assessment().amountYen()).isEqualTo(1_800);
		assertThat(corrected.receipts()).hasSize(2);
		assertThat(member.send(me, id, corrected.version(), ALL)).isEqualTo(number);

		assertThat(member.claim(me, id).orElseThrow().summary().status()).isEqualTo(SubsidyClaimStatus.SUBMITTED);
		assertThat(member.claim(me, id).orElseThrow().summary().amountYen()).isEqualTo(1_800);
		assertThat(mails(number)).as("one receipt mail per sending (the return has its own)").isEqualTo(2);
		assertThat(audits("SUBSIDY_CLAIM_SUBMITTED", id)).isEqualTo(2);
	}

	@Test
	void a_sent_claim_is_withdrawn_once_and_frees_its_dose() {
		long id = member.start(me, input(insured, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		send(id, insured);
		int version = member.claim(me, id).orElseThrow().version();
		assertThat(member.claim(me, id).orElseThrow().withdrawable()).isTrue();

		member.withdraw(me, id, version);

		assertThat(member.claim(me, id).orElseThrow().summary().status()).isEqualTo(SubsidyClaimStatus.WITHDRAWN);
		assertThatThrownBy(() -> member.withdraw(me, id, version + 1)).isInstanceOf(ClaimNotOpen.class);
		assertThat(person(member.overview(me), insured).openDoses()).containsExactly(1);
		assertThat(audits("SUBSIDY_CLAIM_WITHDRAWN", id)).isEqualTo(1);
	}

	@Test
	void a_draft_is_continued_for_its_person_and_dose_and_discarded_with_its_receipt() {
		long id = member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		receipt(me, id, child);
		assertThat(member.draftFor(me, child, 1)).contains(id);
		assertThat(member.draftFor(me, child, 2)).isEmpty();

		assertThat(member.discard(me, id)).isTrue();

		assertThat(member.claim(me, id)).isEmpty();
		assertThat(documents.list(owner()).stream().filter(d -> d.slot().equals("subsidy-receipt:" + id))).isEmpty();
	}

	@Test
	void bank_transfer_needs_the_account_first_and_the_account_is_checked_and_padded() {
		SubsidyRules r = SubsidyRules.suggested(2026);
		subsidies.saveRules(admin,
				new SubsidyRules(2026, r.shotFrom(), r.shotTo(), r.claimFrom(), r.claimTo(), true, true, null, null,
						r.capMode(), r.capYen(), 13, true, "", SubsidyRules.PaymentRoute.BANK_TRANSFER, r.cutoff(),
						r.cutoffDay()));
		long id = member.start(me, input(insured, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		receipt(me, id, insured);
		int version = member.claim(me, id).orElseThrow().version();
		assertThat(member.claim(me, id).orElseThrow().payeeMissing()).isTrue();
		assertThatThrownBy(() -> member.send(me, id, version, ALL)).isInstanceOfSatisfying(ClaimRefused.class,
				ex -> assertThat(ex.field()).isEqualTo("payee"));

		assertThatThrownBy(
				() -> member.savePayee(me, new Payee("0001", "みなと銀行", "12", "本店", "ORDINARY", "1234", "シンサ タロウ")))
			.isInstanceOfSatisfying(ClaimRefused.class, ex -> assertThat(ex.field()).isEqualTo("branchCode"));
		assertThatThrownBy(
				() -> member.savePayee(me, new Payee("0001", "みなと銀行", "123", "本店", "ORDINARY", "1234", "株式会社漢字")))
			.isInstanceOfSatisfying(ClaimRefused.class, ex -> assertThat(ex.field()).isEqualTo("holderKana"));
		member.savePayee(me, new Payee("0001", "みなと銀行", "123", "本店", "ORDINARY", "1234", "シンサ タロウ"));

		assertThat(member.payee(me).orElseThrow().accountNumber()).isEqualTo("0001234");
		assertThat(member.send(me, id, version, ALL)).startsWith("IF2026-");
		assertThat(audits("SUBSIDY_PAYEE_SAVED", null)).isEqualTo(1);
	}

	@Test
	void another_household_or_insurer_finds_nothing_and_cannot_add_a_receipt_to_the_claim() {
		long id = member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		Member neighbour = new Member(tenant.id(), fixture.account(), SubsidyClaimFixture.KIGO, "9999", "192.0.2.1");
		Tenant other = TestTenants.create(tenants, "別の補助金健保");
		Member stranger = new Member(other.id(), fixture.account(), SubsidyClaimFixture.KIGO, SubsidyClaimFixture.BANGO,
				"192.0.2.2");

		for (Member m : List.of(neighbour, stranger)) {
			assertThat(member.claim(m, id)).isEmpty();
			assertThatThrownBy(() -> member.send(m, id, 0, ALL)).isInstanceOf(ClaimNotOpen.class);
			assertThat(member.discard(m, id)).isFalse();
			DocumentOwner theirs = new DocumentOwner(m.tenantId(), m.kigo(), m.bango());
			assertThatThrownBy(() -> documents.store(theirs, null, "subsidy-receipt:" + id, "r.jpg",
					TestFiles.jpeg(TestFiles.photo(640, 480, 3, 8), 0.8f)))
				.isInstanceOf(DocumentRejectedException.class);
		}
		assertThat(member.claim(me, id)).isPresent();
	}

	@Test
	void a_help_desk_reset_of_the_account_keeps_the_claims_and_drops_the_bank_account() {
		long id = member.start(me, input(child, 1, LocalDate.of(2026, 11, 2), 3_500, 0));
		String number = send(id, child);
		member.savePayee(me, new Payee("0005", "みなと銀行", "001", "本店", "SAVINGS", "7654321", "シンサ タロウ"));

		accounts.reset(tenant.id(), insured,
				new MemberAccounts.StaffActor("helpdesk", StaffActor.TENANT_ADMIN, "192.0.2.10", "再登録の依頼"));

		assertThat(jdbc.sql("select receipt_number from subsidy_claim where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(number);
		assertThat(jdbc.sql("select count(*) from subsidy_claim where id = ? and member_account_id is null")
			.param(id)
			.query(Integer.class)
			.single()).as("the claim outlives the account").isOne();
		assertThat(member.payee(me)).isEmpty();
		assertThat(review.open(admin, id).receiptNumber()).isEqualTo(number);
	}

	// --- helpers ---

	private String send(long id, long person) {
		receipt(me, id, person);
		return member.send(me, id, member.claim(me, id).orElseThrow().version(), ALL);
	}

	private void receipt(Member m, long id, long person) {
		documents.store(new DocumentOwner(m.tenantId(), m.kigo(), m.bango()), person, "subsidy-receipt:" + id,
				"領収書.jpg", TestFiles.jpeg(TestFiles.photo(800, 600, id, 8), 0.8f));
	}

	private static ClaimInput input(long person, int dose, LocalDate shot, int paid, int aid) {
		return new ClaimInput(person, dose, shot, "みなとクリニック", paid, aid, false, null);
	}

	private static PersonEntry person(MemberSubsidies.Overview o, long id) {
		return o.persons().stream().filter(p -> p.personId() == id).findFirst().orElseThrow();
	}

	private DocumentOwner owner() {
		return new DocumentOwner(tenant.id(), SubsidyClaimFixture.KIGO, SubsidyClaimFixture.BANGO);
	}

	private int version(long id) {
		return jdbc.sql("select version from subsidy_claim where id = ?").param(id).query(Integer.class).single();
	}

	private int draftsVisibleToStaff() {
		return review.queue(admin, ClaimReview.Filter.none(), null).rows().size();
	}

	private int mails(String receiptNumber) {
		return jdbc
			.sql("select count(*) from mail_outbox where tenant_id = ? and body like ? and subject like '%申請を受け付けました'")
			.params(tenant.id(), "%" + receiptNumber + "%")
			.query(Integer.class)
			.single();
	}

	private int audits(String type, Long claimId) {
		return jdbc
			.sql("select count(*) from audit_event where tenant_id = ? and type = ? and actor_kind = 'MEMBER'"
					+ (claimId == null ? "" : " and target = 'subsidy_claim:" + claimId + "'"))
			.param(tenant.id())
			.param(type)
			.query(Integer.class)
			.single();
	}

}
