package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.ClaimReview.ClaimReviewProblem;
import jp.kennin.subsidy.ClaimReview.ReceiptCheck;
import jp.kennin.subsidy.ClaimReview.ReturnReason;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff decide influenza subsidy claims: opening one puts it 処理中, approval needs the five
 * receipt items and pays what the calculator says, a return and a rejection carry their
 * reason, a refused decision changes nothing and records nothing, clean claims are
 * approved in bulk, and another insurer's staff find nothing. Claims are inserted as the
 * member side would store them.
 */
@KenninIntegrationTest
class ClaimReviewIntegrationTests {

	private static final Set<ReceiptCheck> ALL = EnumSet.allOf(ReceiptCheck.class);

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
	MockMvc mvc;

	@Autowired
	Documents documents;

	Tenant tenant;

	StaffActor reviewer;

	StaffActor admin;

	SubsidyClaimFixture fixture;

	long child;

	long insured;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金審査テスト健保");
		reviewer = new StaffActor("claim-reviewer", StaffActor.REVIEWER, tenant.id(), 1, "192.0.2.8");
		admin = new StaffActor("claim-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.9");
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		fixture = new SubsidyClaimFixture(jdbc, documents, clock, tenant.id());
		insured = fixture.person("00", true, "審査　太郎", LocalDate.of(1985, 4, 3));
		child = fixture.person("01", false, "審査　花子", LocalDate.of(2018, 6, 1));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void opening_puts_a_claim_in_review_and_approval_pays_the_calculated_amount_with_its_audit_record() {
		long id = claim("000001", 1, LocalDate.of(2026, 10, 20), 3_800, 0, 2_000);

		ClaimReview.ClaimView view = review.open(reviewer, id);
		assertThat(claimStatus(id)).isEqualTo("IN_REVIEW");
		review.approve(reviewer, id, version(id), ALL);

		assertThat(claimStatus(id)).isEqualTo("APPROVED");
		assertThat(amount(id)).isEqualTo(2_000);
		assertThat(audits(id)).contains("SUBSIDY_CLAIM_REVIEW_STARTED", "SUBSIDY_CLAIM_APPROVED");
		assertThat(view.receiptNumber()).isEqualTo("IF2026-000001");
	}

	@Test
	void approval_without_the_five_receipt_items_changes_nothing_and_records_nothing() {
		long id = claim("000002", 1, LocalDate.of(2026, 10, 21), 3_800, 0, 2_000);
		review.open(reviewer, id);
		int version = version(id);

		assertThatThrownBy(() -> review.approve(reviewer, id, version, EnumSet.of(ReceiptCheck.NAME)))
			.isInstanceOf(ClaimReviewProblem.class);

		assertThat(claimStatus(id)).isEqualTo("IN_REVIEW");
		assertThat(version(id)).isEqualTo(version);
		assertThat(audits(id)).doesNotContain("SUBSIDY_CLAIM_APPROVED");
	}

	@Test
	void a_stale_decision_is_refused() {
		long id = claim("000003", 1, LocalDate.of(2026, 10, 22), 3_800, 0, 2_000);
		review.open(reviewer, id);
		int stale = version(id) - 1;

		assertThatThrownBy(() -> review.reject(reviewer, id, stale, "重複")).isInstanceOf(RuntimeException.class);
		assertThat(claimStatus(id)).isEqualTo("IN_REVIEW");
	}

	@Test
	void a_return_and_a_rejection_carry_their_reason_and_a_withdrawn_claim_cannot_be_decided() {
		long returned = claim("000004", 1, LocalDate.of(2026, 10, 23), 3_800, 0, 2_000);
		review.returnClaim(reviewer, returned, version(returned), ReturnReason.NAME_UNREADABLE, "お名前が見えません");
		assertThat(claimStatus(returned)).isEqualTo("RETURNED");
		assertThat(reason(returned)).contains("お名前が見えません");

		long rejected = claim("000005", 2, LocalDate.of(2026, 11, 10), 3_800, 0, 2_000);
		review.reject(reviewer, rejected, version(rejected), "会社の集団接種のため対象外です");
		assertThat(claimStatus(rejected)).isEqualTo("REJECTED");
		assertThat(audits(rejected)).contains("SUBSIDY_CLAIM_REJECTED");

		long withdrawn = claim("000006", 1, LocalDate.of(2026, 10, 24), 3_800, 0, 2_000);
		jdbc.sql("update subsidy_claim set status = 'WITHDRAWN' where id = ?").param(withdrawn).update();
		assertThatThrownBy(() -> review.approve(reviewer, withdrawn, version(withdrawn), ALL))
			.isInstanceOf(ClaimReviewProblem.class);
		assertThat(claimStatus(withdrawn)).isEqualTo("WITHDRAWN");
	}

	@Test
	void bulk_approval_takes_clean_claims_and_skips_a_duplicate_shot_date() {
		long clean = claim("000007", 1, LocalDate.of(2026, 10, 25), 1_000, 0, 1_000);
		// the insured person's one dose sent twice for the same shot date
		long first = claim(insured, "000008", 1, LocalDate.of(2026, 11, 1), 3_800, 0, 2_000);
		long twin = claim(insured, "000009", 1, LocalDate.of(2026, 11, 1), 3_800, 0, 2_000);
		for (long id : List.of(clean, first, twin)) {
			fixture.receipt(id, "receipt-" + id + ".pdf", TestFiles.pdf(1 + (int) (id % 3)));
		}

		ClaimReview.BulkResult result = review.approveClean(admin,
				Map.of(clean, version(clean), first, version(first), twin, version(twin)));

		assertThat(claimStatus(clean)).isEqualTo("APPROVED");
		assertThat(result.approved()).contains("IF2026-000007");
		assertThat(result.skipped()).extracting(ClaimReview.Skipped::receiptNumber).contains("IF2026-000009");
		assertThat(claimStatus(twin)).isNotEqualTo("APPROVED");
	}

	@Test
	void the_queue_lists_the_claim_for_its_insurer_only() throws Exception {
		long id = claim("000010", 1, LocalDate.of(2026, 10, 26), 3_800, 0, 2_000);

		String page = mvc.perform(get("/admin/subsidy/claims").with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("IF2026-000010", "審査　花子");

		Tenant other = TestTenants.create(tenants, "よその健保");
		mvc.perform(get("/admin/subsidy/claims/" + id).with(TestStaff.reviewer(other.id())))
			.andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/admin/subsidy/claims").with(TestStaff.reviewer(other.id())))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("IF2026-000010");
	}

	private long claim(String number, int dose, LocalDate shot, int paid, int aid, int amount) {
		return fixture.claim(child, number, dose, shot, paid, aid, amount);
	}

	private long claim(long person, String number, int dose, LocalDate shot, int paid, int aid, int amount) {
		return fixture.claim(person, number, dose, shot, paid, aid, amount);
	}

	private String claimStatus(long id) {
		return jdbc.sql("select status from subsidy_claim where id = ?").param(id).query(String.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from subsidy_claim where id = ?").param(id).query(Integer.class).single();
	}

	private int amount(long id) {
		return jdbc.sql("select amount_yen from subsidy_claim where id = ?").param(id).query(Integer.class).single();
	}

	private String reason(long id) {
		return jdbc.sql("select decision_reason from subsidy_claim where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private List<String> audits(long id) {
		return jdbc.sql("select type from audit_event where tenant_id = ? and target = ?")
			.params(tenant.id(), "subsidy_claim:" + id)
			.query(String.class)
			.list();
	}

}
