package jp.kennin.subsidy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyPaymentHolds;
import jp.kennin.subsidy.SubsidyPaymentHolds.Held;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyPayments.BatchNotFound;
import jp.kennin.subsidy.SubsidyPayments.FileFormat;
import jp.kennin.subsidy.SubsidyPayments.HeldClaim;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyTransferSources;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.subsidy.internal.PaymentFixture.Household;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * 支給の保留: a claim taken out of an open batch leaves its count and total, joins no later
 * batch (by 今すぐ締める or the cut-off) until released, and then the next one; a bank-transfer
 * batch blocked by households that cannot be paid is freed by holding their claims; a
 * locked batch, a stale page, a reviewer and another insurer are refused.
 */
@KenninIntegrationTest
class PaymentHoldsIntegrationTests {

	@Autowired
	SubsidyPayments payments;

	@Autowired
	SubsidyTransferSources sources;

	@Autowired
	SubsidyPaymentHolds holds;

	@Autowired
	PaymentCutoffJob cutoffJob;

	@Autowired
	PaymentBatchRepository batchRepository;

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

	Tenant tenant;

	StaffActor admin;

	PaymentFixture fixture;

	Household first;

	Household second;

	long firstChild;

	long firstInsured;

	long secondInsured;

	@BeforeEach
	void setUp() {
		// Monday 16 November 2026, 10:00 Japan time
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金保留テスト健保");
		admin = new StaffActor("hold-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.20");
		fixture = new PaymentFixture(jdbc, tenant.id());
		first = fixture.household("33", "501", "A01", "本社", "保留　一郎");
		long child = fixture.dependent(first, "01", "保留　花子");
		second = fixture.household("33", "502", "B02", "福岡支店", "保留　次郎");
		firstChild = fixture.claim(first, child, 2026, "APPROVED", 2_000, Instant.parse("2026-11-10T01:00:00Z"));
		firstInsured = fixture.claim(first, first.insured(), 2026, "APPROVED", 1_500,
				Instant.parse("2026-11-11T01:00:00Z"));
		secondInsured = fixture.claim(second, second.insured(), 2026, "APPROVED", 1_800,
				Instant.parse("2026-11-12T01:00:00Z"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_held_claim_leaves_the_batch_and_joins_no_other_until_released() {
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		long id = payments.closeNow(admin, 2026);

		Held held = holds.hold(admin, id, version(id), List.of(firstChild));

		assertThat(held.claims()).isEqualTo(1);
		assertThat(held.batchRemains()).isTrue();
		SubsidyPayments.Batch batch = payments.batch(admin, id).batch();
		assertThat(batch.claimCount()).isEqualTo(2);
		assertThat(batch.totalYen()).isEqualTo(3_300);
		assertThat(payments.batch(admin, id).claims()).extracting(SubsidyPayments.BatchClaim::id)
			.containsExactlyInAnyOrder(firstInsured, secondInsured);
		SubsidyPayments.Overview overview = payments.overview(admin, 2026);
		assertThat(overview.held()).extracting(HeldClaim::id, HeldClaim::heldBy, HeldClaim::amountYen)
			.containsExactly(tuple(firstChild, "hold-admin", 2_000));
		assertThat(overview.waitingCount()).as("held is not waiting").isZero();
		assertThatThrownBy(() -> payments.closeNow(admin, 2026)).isInstanceOf(PaymentProblem.class);
		assertThat(status(firstChild)).as("the member still sees 支給決定").isEqualTo("APPROVED");
		assertThat(audits("subsidy_claim:" + firstChild)).contains("SUBSIDY_CLAIM_PAYMENT_HELD");
		assertThat(review.open(admin, firstChild).paymentHold()).as("the claim's page shows the hold")
			.extracting(HeldClaim::heldBy)
			.isEqualTo("hold-admin");
		assertThat(review.open(admin, firstInsured).paymentHold()).isNull();

		// The cut-off (the 20th in the suggested rules) passes it over too, while it
		// takes a claim approved since (other insurers of other tests may get batches).
		long later = fixture.claim(second, second.insured(), 2026, "APPROVED", 900,
				Instant.parse("2026-11-17T01:00:00Z"));
		clock.setInstant(Instant.parse("2026-11-20T15:30:00Z"));
		cutoffJob.runOnce();
		assertThat(batchOf(later)).isNotNull();
		assertThat(batchOf(firstChild)).isNull();

		holds.release(admin, firstChild);
		assertThat(review.open(admin, firstChild).paymentHold()).isNull();
		clock.setInstant(Instant.parse("2026-11-21T01:00:00Z"));
		assertThat(payments.overview(admin, 2026).held()).isEmpty();
		assertThat(payments.overview(admin, 2026).waitingCount()).isEqualTo(1);
		long next = payments.closeNow(admin, 2026);
		assertThat(batchOf(firstChild)).isEqualTo(next);
		assertThat(audits("subsidy_claim:" + firstChild)).containsSubsequence("SUBSIDY_CLAIM_PAYMENT_HELD",
				"SUBSIDY_CLAIM_PAYMENT_RELEASED");
		assertThatThrownBy(() -> holds.release(admin, firstChild)).isInstanceOfSatisfying(PaymentProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.notHeld"));
	}

	@Test
	void holding_the_households_that_cannot_be_paid_lets_the_rest_be_transferred() {
		subsidies.saveRules(admin, TestRules.paidBy(PaymentRoute.BANK_TRANSFER));
		sources.saveTransferSource(admin,
				new TransferSource("1234567890", "ｹﾝﾎﾟ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "ORDINARY", "7654321"));
		fixture.payee(second, "0009", "302", "7654321", "ホリュウ ジロウ");
		long id = payments.closeNow(admin, 2026);
		assertThatThrownBy(() -> payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 20)))
			.as("the first household has no account")
			.isInstanceOf(PaymentProblem.class);

		Held held = holds.holdUnpayable(admin, id, version(id));

		assertThat(held.claims()).as("both claims of the household without an account").isEqualTo(2);
		assertThat(payments.batch(admin, id).payeeProblems()).isEmpty();
		byte[] file = payments.makeTransferFile(admin, id, LocalDate.of(2026, 11, 20)).content();
		assertThat(new String(file, PaymentBatchIntegrationTests.SJIS)).contains("ﾎﾘﾕｳ ｼﾞﾛｳ", "000000001800")
			.doesNotContain("ﾎﾘﾕｳ ｲﾁﾛｳ");
		assertThatThrownBy(() -> holds.hold(admin, id, version(id), List.of(secondInsured)))
			.as("a locked batch keeps its claims")
			.isInstanceOfSatisfying(PaymentProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.lockedNoHold"));
		assertThat(payments.overview(admin, 2026).held()).extracting(HeldClaim::id)
			.containsExactlyInAnyOrder(firstChild, firstInsured);
	}

	@Test
	void a_batch_without_claims_left_is_cancelled_and_a_stale_page_or_another_batch_claim_is_refused() {
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		long id = payments.closeNow(admin, 2026);
		int shown = version(id);
		holds.hold(admin, id, shown, List.of(firstChild));

		assertThatThrownBy(() -> holds.hold(admin, id, shown, List.of(firstInsured)))
			.as("the page showed the batch before the first hold")
			.isInstanceOfSatisfying(PaymentProblem.class,
					p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.stale"));
		assertThatThrownBy(() -> holds.hold(admin, id, version(id), List.of(firstChild))).isInstanceOfSatisfying(
				PaymentProblem.class,
				p -> assertThat(p.messageKey()).isEqualTo("subsidy.payments.problem.nothingToHold"));
		assertThatThrownBy(() -> holds.holdUnpayable(admin, id, version(id)))
			.as("a payroll batch has no transfer accounts")
			.isInstanceOf(PaymentProblem.class);

		Held last = holds.hold(admin, id, version(id), List.of(firstInsured, secondInsured));

		assertThat(last.claims()).isEqualTo(2);
		assertThat(last.batchRemains()).isFalse();
		assertThatThrownBy(() -> payments.batch(admin, id)).isInstanceOf(BatchNotFound.class);
		assertThat(payments.overview(admin, 2026).held()).hasSize(3);
	}

	@Test
	void a_file_made_before_a_hold_does_not_lock_the_batch_after_it() {
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		long id = payments.closeNow(admin, 2026);
		// An export that read the batch (and made its file) before another administrator
		// held a claim locks with the version it read.
		int read = version(id);
		holds.hold(admin, id, read, List.of(firstChild));

		assertThat(batchRepository.lock(tenant.id(), id, read, "late-export", Instant.now(), null)).isFalse();
		assertThat(payments.batch(admin, id).batch().locked()).isFalse();
		assertThat(batchRepository.lock(tenant.id(), id, version(id), "export", Instant.now(), null)).isTrue();
	}

	@Test
	void only_the_insurers_administrators_hold_and_release() {
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		long id = payments.closeNow(admin, 2026);
		StaffActor reviewer = new StaffActor("hold-reviewer", StaffActor.REVIEWER, tenant.id(), 1, "192.0.2.21");
		assertThatThrownBy(() -> holds.hold(reviewer, id, version(id), List.of(firstChild)))
			.isInstanceOf(AccessDeniedException.class);
		holds.hold(admin, id, version(id), List.of(firstChild));
		assertThatThrownBy(() -> holds.release(reviewer, firstChild)).isInstanceOf(AccessDeniedException.class);

		Tenant other = TestTenants.create(tenants, "よその保留健保");
		StaffActor otherAdmin = new StaffActor("other-hold-admin", StaffActor.TENANT_ADMIN, other.id());
		assertThatThrownBy(() -> holds.hold(otherAdmin, id, version(id), List.of(firstInsured)))
			.isInstanceOf(BatchNotFound.class);
		assertThatThrownBy(() -> holds.release(otherAdmin, firstChild)).isInstanceOf(PaymentProblem.class);
		assertThat(payments.overview(admin, 2026).held()).hasSize(1);
		assertThat(payments.overview(otherAdmin, 2026).held()).isEmpty();
		assertThat(payments.export(admin, id, FileFormat.CSV).content()).isNotEmpty();
	}

	private int version(long batchId) {
		return payments.batch(admin, batchId).batch().version();
	}

	private Long batchOf(long claim) {
		return jdbc.sql("select batch_id from subsidy_claim where id = ?")
			.param(claim)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private String status(long claim) {
		return jdbc.sql("select status from subsidy_claim where id = ?").param(claim).query(String.class).single();
	}

	private List<String> audits(String target) {
		return jdbc.sql("select type from audit_event where tenant_id = ? and target = ? order by id")
			.params(tenant.id(), target)
			.query(String.class)
			.list();
	}

}
