package jp.kennin.subsidy.internal;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyTransferSources;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.subsidy.internal.PaymentFixture.Household;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The payment screens as staff use them: the year's page offers 今すぐ締める to administrators
 * only, closing opens the new batch, the list downloads as a Windows-31J CSV and locks
 * the batch, 支給済み with a date shows on the page; a household without an account is named
 * on the batch page instead of a file; the transfer source form names a wrong field next
 * to it in Japanese.
 */
@KenninIntegrationTest
class PaymentBatchWebIntegrationTests {

	static final String PASSWORD = "Payments-password-2026!";

	@Autowired
	MockMvc mvc;

	@Autowired
	Subsidies subsidies;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	SubsidyPayments payments;

	@Autowired
	SubsidyTransferSources sources;

	Tenant tenant;

	PaymentFixture fixture;

	RequestPostProcessor admin;

	RequestPostProcessor reviewer;

	Household household;

	StaffClient client;

	@BeforeEach
	void setUp() throws Exception {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金支給画面テスト健保");
		admin = TestStaff.tenantAdmin(tenant.id());
		reviewer = TestStaff.reviewer(tenant.id());
		String login = "pay-web-" + tenant.code();
		accounts.create(login, "支給 職員", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		client = StaffTestLogin.enrolAndLogin(mvc, clock, login, PASSWORD);
		fixture = new PaymentFixture(jdbc, tenant.id());
		household = fixture.household("31", "201", "A01", "本社", "画面　一郎");
		long child = fixture.dependent(household, "01", "画面　花子");
		fixture.claim(household, child, 2026, "APPROVED", 2_000, Instant.parse("2026-11-10T01:00:00Z"));
		fixture.claim(household, household.insured(), 2026, "APPROVED", 1_500, Instant.parse("2026-11-11T01:00:00Z"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_administrator_closes_exports_and_marks_a_batch_paid() throws Exception {
		saveRules(PaymentRoute.PAYROLL);
		String list = page(get("/admin/subsidy/payments"));
		assertThat(list).contains("今すぐ締める", "2件　3,500円", "毎月20日");
		assertThat(pageAs(reviewer, get("/admin/subsidy/payments"))).contains("2件　3,500円")
			.doesNotContain("id=\"close-now\"");
		mvc.perform(post("/admin/subsidy/payments/close").param("year", "2026").with(reviewer).with(csrf()))
			.andExpect(status().isForbidden());

		MvcResult closed = client.perform(post("/admin/subsidy/payments/close").param("year", "2026").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String batchUrl = closed.getResponse().getRedirectedUrl();
		assertThat(batchUrl).matches("/admin/subsidy/payments/\\d+");
		String batch = page(get(batchUrl));
		assertThat(batch).contains("締めました。", "未出力", "3,500円", "画面　花子", "画面　一郎", "最初にファイルを出力すると");

		MockHttpServletResponse csv = client.perform(get(batchUrl + "/payroll.csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(csv.getContentType()).contains("Windows-31J");
		assertThat(new String(csv.getContentAsByteArray(), Charset.forName("Windows-31J"))).contains("画面　一郎",
				"合計,,,,,,2,3500,");
		mvc.perform(get(batchUrl + "/payroll.csv").with(reviewer)).andExpect(status().isForbidden());

		String locked = page(get(batchUrl));
		assertThat(locked).contains("出力済み（確定）", "支給済みにする");
		String version = jdbc.sql("select version from subsidy_payment_batch where tenant_id = ?")
			.param(tenant.id())
			.query(String.class)
			.single();
		MvcResult future = client
			.perform(post(batchUrl + "/paid").param("version", version).param("paidOn", "2026-12-25").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(page(get(batchUrl))).contains("支給日は今日以前の日付を入力してください。");
		MvcResult paid = client
			.perform(post(batchUrl + "/paid").param("version", version).param("paidOn", "２０２６/１１/１６").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(page(get(batchUrl))).contains("支給済みにしました。", "支給済み", "2026/11/16 ");
		assertThat(jdbc.sql("select count(*) from subsidy_claim where tenant_id = ? and status = 'PAID'")
			.param(tenant.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void a_household_without_an_account_is_named_on_the_batch_page_instead_of_a_file() throws Exception {
		saveRules(PaymentRoute.BANK_TRANSFER);
		MvcResult closed = client.perform(post("/admin/subsidy/payments/close").param("year", "2026").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String batchUrl = closed.getResponse().getRedirectedUrl();
		assertThat(page(get(batchUrl))).contains("振込元口座（委託者）が設定されていない");
		sources.saveTransferSource(new StaffActor("web-admin", StaffActor.TENANT_ADMIN, tenant.id()),
				new TransferSource("1234567890", "ｹﾝﾎﾟ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "ORDINARY", "7654321"));
		assertThat(page(get(batchUrl))).contains("31-201 画面　一郎：振込先の口座が登録されていません。")
			.doesNotContain("振込元口座（委託者）が設定されていない");

		MvcResult refused = client.perform(post(batchUrl + "/zengin").param("transferDate", "2026-11-20").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(batchUrl);
		assertThat(page(get(batchUrl))).contains("振り込めない世帯があるため", "未出力", "value=\"2026-11-20\"");
		MvcResult notMade = client.perform(get(batchUrl + "/zengin.txt")).andExpect(status().isSeeOther()).andReturn();
		assertThat(notMade.getResponse().getRedirectedUrl()).isEqualTo(batchUrl);
		assertThat(page(get(batchUrl))).contains("総合振込ファイルはまだ作成されていません。");
	}

	@Test
	void the_transfer_file_carries_the_transfer_date_typed_and_a_refused_date_is_named_next_to_its_field()
			throws Exception {
		saveRules(PaymentRoute.BANK_TRANSFER);
		sources.saveTransferSource(new StaffActor("web-admin", StaffActor.TENANT_ADMIN, tenant.id()),
				new TransferSource("1234567890", "ｹﾝﾎﾟ", "0001", "ﾐｽﾞﾎ", "100", "ﾎﾝﾃﾝ", "ORDINARY", "7654321"));
		fixture.payee(household, "0005", "201", "1234567", "ガメン イチロウ");
		String batchUrl = client.perform(post("/admin/subsidy/payments/close").param("year", "2026").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(page(get(batchUrl))).contains("id=\"transferDate\"", "min=\"2026-11-16\"", "総合振込ファイルを作成する")
			.doesNotContain("id=\"download-zengin\"");

		client.perform(post(batchUrl + "/zengin").param("transferDate", "2026-11-21").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(batchUrl))).contains("id=\"transferDate-error\"", "振込指定日に土曜日・日曜日は指定できません。",
				"value=\"2026-11-21\"", "aria-invalid=\"true\"", "未出力");
		client.perform(post(batchUrl + "/zengin").param("transferDate", "11月20日").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(get(batchUrl))).contains("振込指定日は 2026-12-25 のように", "value=\"11月20日\"");

		client.perform(post(batchUrl + "/zengin").param("transferDate", "２０２６/１１/２０").with(csrf()))
			.andExpect(status().is3xxRedirection());
		String made = page(get(batchUrl));
		assertThat(made).contains("総合振込ファイルを作成し、この締めを確定しました。", "出力済み（確定）", "2026/11/20", "id=\"download-zengin\"")
			.doesNotContain("id=\"transfer-form\"");
		MockHttpServletResponse file = client.perform(get(batchUrl + "/zengin.txt"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(new String(file.getContentAsByteArray(), Charset.forName("Windows-31J")).substring(54, 58)).as("取組日")
			.isEqualTo("1120");
		mvc.perform(post(batchUrl + "/zengin").param("transferDate", "2026-11-20").with(reviewer).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void a_claim_held_from_the_batch_page_leaves_it_and_the_last_one_cancels_the_batch() throws Exception {
		saveRules(PaymentRoute.PAYROLL);
		String batchUrl = client.perform(post("/admin/subsidy/payments/close").param("year", "2026").with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		List<Long> claims = jdbc.sql("select id from subsidy_claim where tenant_id = ? order by id")
			.param(tenant.id())
			.query(Long.class)
			.list();
		assertThat(page(get(batchUrl))).contains("id=\"hold-" + claims.get(0) + "\"", "保留にする");

		client
			.perform(post(batchUrl + "/hold").param("version", version())
				.param("claim", String.valueOf(claims.get(0)))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(batchUrl));
		assertThat(page(get(batchUrl))).contains("1件の申請を保留にし", "1,500円")
			.doesNotContain("id=\"batch-claim-" + claims.get(0) + "\"");
		client
			.perform(post(batchUrl + "/hold").param("version", "0")
				.param("claim", String.valueOf(claims.get(1)))
				.with(csrf()))
			.andExpect(redirectedUrl(batchUrl));
		assertThat(page(get(batchUrl))).contains("ほかの職員が変更しました");

		client
			.perform(post(batchUrl + "/hold").param("version", version())
				.param("claim", String.valueOf(claims.get(1)))
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/subsidy/payments?year=2026"));
		assertThat(page(get("/admin/subsidy/payments?year=2026"))).contains("締めを取り消しました", "保留中の申請",
				"id=\"release-" + claims.get(1) + "\"");
		mvc.perform(get(batchUrl).with(admin)).andExpect(status().isNotFound());
		mvc.perform(post("/admin/subsidy/payments/held/" + claims.get(1) + "/release").with(reviewer).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_transfer_source_form_names_a_wrong_field_next_to_it() throws Exception {
		String form = pageAs(admin,
				post("/admin/subsidy/payments/source").param("requesterCode", "12345")
					.param("requesterName", "健保")
					.param("bankCode", "0001")
					.param("bankName", "ミズホ")
					.param("branchCode", "100")
					.param("branchName", "ホンテン")
					.param("accountType", "ORDINARY")
					.param("accountNumber", "1234567")
					.with(csrf()));
		assertThat(form).contains("id=\"requesterCode-error\"", "委託者コードは数字10桁で入力してください。", "id=\"requesterName-error\"",
				"カナ・英数字で入力してください", "value=\"12345\"");

		mvc.perform(post("/admin/subsidy/payments/source").param("requesterCode", "1234567890")
			.param("requesterName", "ケンポ")
			.param("bankCode", "0001")
			.param("bankName", "ミズホ")
			.param("branchCode", "100")
			.param("branchName", "ホンテン")
			.param("accountType", "ORDINARY")
			.param("accountNumber", "1234567")
			.with(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(pageAs(admin, get("/admin/subsidy/payments/source?done"))).contains("振込元口座を保存しました。",
				"value=\"ｹﾝﾎﾟ\"");
		mvc.perform(get("/admin/subsidy/payments/source").with(reviewer)).andExpect(status().isForbidden());
	}

	private void saveRules(PaymentRoute route) {
		subsidies.saveRules(new StaffActor("web-admin", StaffActor.TENANT_ADMIN, tenant.id()), TestRules.paidBy(route));
	}

	/** The one batch's version, as its page shows it. */
	private String version() {
		return jdbc.sql("select version from subsidy_payment_batch where tenant_id = ?")
			.param(tenant.id())
			.query(String.class)
			.single();
	}

	/** A page as the logged-in administrator sees it. */
	private String page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return client.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String pageAs(RequestPostProcessor staff, AbstractMockHttpServletRequestBuilder<?> request)
			throws Exception {
		return mvc.perform(request.with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
