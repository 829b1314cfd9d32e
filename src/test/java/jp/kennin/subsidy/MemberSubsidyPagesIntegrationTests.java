package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The member's subsidy pages as a browser sends them: the overview lists the household, a
 * wrong value comes back in Japanese next to its field with everything typed kept, a
 * refusal of the rules says why on its field, the claim page shows the computed subsidy,
 * sending without the checks says so, sending with them gives the receipt number; a bank
 * account form refuses a bad holder name and never links away from the site.
 */
@KenninIntegrationTest
class MemberSubsidyPagesIntegrationTests {

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
	Documents documents;

	Tenant tenant;

	long child;

	RequestPostProcessor member;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金画面テスト健保");
		subsidies.saveRules(new StaffActor("pages-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.9"),
				SubsidyRules.suggested(2026));
		SubsidyClaimFixture fixture = new SubsidyClaimFixture(jdbc, documents, clock, tenant.id());
		fixture.person("00", true, "画面　一郎", LocalDate.of(1982, 3, 3));
		child = fixture.person("01", false, "画面　さくら", LocalDate.of(2019, 9, 9));
		member = TestMember.account(tenant.id(), SubsidyClaimFixture.KIGO, SubsidyClaimFixture.BANGO,
				fixture.account());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_claim_goes_from_the_overview_through_the_form_to_sent_with_messages_on_the_fields() throws Exception {
		String overview = page("/subsidy");
		assertThat(overview).contains("画面　さくら")
			.contains("残りの補助額：2,000円（2回まで）")
			.contains("/subsidy/claims/new?person=" + child + "&amp;dose=2");

		String form = page("/subsidy/claims/new?person=" + child + "&dose=1");
		assertThat(form).contains("画面　さくらさんの接種（1回目）").contains("name=\"shotDate\"");

		String wrong = mvc
			.perform(post("/subsidy/claims/new").with(member)
				.with(csrf())
				.param("person", Long.toString(child))
				.param("dose", "1")
				.param("shotDate", "2026-13-40")
				.param("clinic", "さくら小児科")
				.param("paidYen", "三千円"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("接種日は「2026-11-02」のように、実在する日付で入力してください。")
			.contains("金額は半角数字で、100,000円以下で入力してください。")
			.contains("value=\"さくら小児科\"")
			.contains("value=\"2026-13-40\"");

		String outside = mvc
			.perform(post("/subsidy/claims/new").with(member)
				.with(csrf())
				.param("person", Long.toString(child))
				.param("dose", "1")
				.param("shotDate", "2026-09-01")
				.param("clinic", "さくら小児科")
				.param("paidYen", "３，５００"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(outside).contains("接種日が補助の対象となる期間外です。").contains("id=\"shotDate-error\"");

		MvcResult started = mvc
			.perform(post("/subsidy/claims/new").with(member)
				.with(csrf())
				.param("person", Long.toString(child))
				.param("dose", "1")
				.param("shotDate", "2026/11/02")
				.param("clinic", "さくら小児科")
				.param("paidYen", "３，５００円"))
			.andExpect(redirectedUrlPattern("/subsidy/claims/*"))
			.andReturn();
		String claimUrl = started.getResponse().getRedirectedUrl();
		long id = Long.parseLong(claimUrl.substring(claimUrl.lastIndexOf('/') + 1));
		String claim = page(claimUrl);
		assertThat(claim).contains("下書き")
			.contains("id=\"computed-amount\">2,000円")
			.contains("3,500円")
			.contains("subsidy-receipt:" + id);

		mvc.perform(post(claimUrl + "/send").with(member).with(csrf()).param("version", "0").param("check", "NAME"))
			.andExpect(redirectedUrl(claimUrl))
			.andExpect(flash().attribute("refusal", "subsidy.member.error.noReceipt"));
		documents.store(new DocumentOwner(tenant.id(), SubsidyClaimFixture.KIGO, SubsidyClaimFixture.BANGO), child,
				"subsidy-receipt:" + id, "receipt.jpg", TestFiles.jpeg(TestFiles.photo(800, 600, 5, 8), 0.8f));
		mvc.perform(post(claimUrl + "/send").with(member).with(csrf()).param("version", "0").param("check", "NAME"))
			.andExpect(flash().attribute("refusal", "subsidy.member.error.checks"));
		mvc.perform(post(claimUrl + "/send").with(member)
			.with(csrf())
			.param("version", "0")
			.param("check", "SHOT_DATE", "NAME", "AMOUNT", "CLINIC", "WORDING"))
			.andExpect(redirectedUrl(claimUrl))
			.andExpect(flash().attribute("sent", "IF2026-%07d".formatted(id)));

		assertThat(page(claimUrl)).contains("送信済").contains("受付番号 IF2026-%07d".formatted(id)).contains("申請を取り下げる");
		assertThat(page("/subsidy")).contains("IF2026-%07d".formatted(id));
	}

	@Test
	void a_claim_after_the_claim_window_is_refused_once_at_the_top_with_the_form_kept() throws Exception {
		clock.setInstant(Instant.parse("2027-03-05T01:00:00Z"));
		assertThat(page("/subsidy")).contains("現在は申請の受付期間外のため、新しい申請はできません。")
			.doesNotContain("/subsidy/claims/new?person=");

		String refused = mvc
			.perform(post("/subsidy/claims/new").with(member)
				.with(csrf())
				.param("person", Long.toString(child))
				.param("dose", "1")
				.param("shotDate", "2026-12-01")
				.param("clinic", "さくら小児科")
				.param("paidYen", "3500"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused.split("申請の受付期間外です。", -1)).as("said once").hasSize(2);
		assertThat(refused).contains("value=\"さくら小児科\"");
	}

	@Test
	void the_bank_account_form_keeps_what_was_typed_and_only_returns_to_a_claim_page() throws Exception {
		String refused = mvc
			.perform(post("/subsidy/payee").with(member)
				.with(csrf())
				.param("bankCode", "０００１")
				.param("bankName", "みなと銀行")
				.param("branchCode", "123")
				.param("branchName", "本店")
				.param("accountType", "ORDINARY")
				.param("accountNumber", "1234567")
				.param("holderKana", "株式会社")
				.param("back", "https://evil.example/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("口座名義はカタカナ（30文字以内）で入力してください。")
			.contains("value=\"みなと銀行\"")
			.doesNotContain("evil.example");

		String twoWrong = mvc
			.perform(post("/subsidy/payee").with(member)
				.with(csrf())
				.param("bankCode", "12")
				.param("bankName", "みなと銀行")
				.param("branchCode", "123")
				.param("branchName", "本店")
				.param("accountType", "ORDINARY")
				.param("accountNumber", "1234567")
				.param("holderKana", "株式会社"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(twoWrong).as("every wrong field at once, each next to its field")
			.contains("id=\"bankCode-error\"")
			.contains("金融機関コードは4桁の数字で入力してください。")
			.contains("id=\"holderKana-error\"");

		assertThat(page("/subsidy/payee?back=javascript:alert(1)")).doesNotContain("javascript:alert");
		mvc.perform(post("/subsidy/payee").with(member)
			.with(csrf())
			.param("bankCode", "0001")
			.param("bankName", "みなと銀行")
			.param("branchCode", "123")
			.param("branchName", "本店")
			.param("accountType", "ORDINARY")
			.param("accountNumber", "1234567")
			.param("holderKana", "ガメン イチロウ")
			.param("back", "/subsidy/claims/42")).andExpect(redirectedUrl("/subsidy/claims/42"));
	}

	@Test
	void a_claim_of_nobody_and_a_person_of_another_household_are_not_found() throws Exception {
		mvc.perform(get("/subsidy/claims/999999").with(member)).andExpect(status().isNotFound());
		mvc.perform(get("/subsidy/claims/new?person=999999&dose=1").with(member)).andExpect(status().isNotFound());
		mvc.perform(get("/subsidy")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/subsidy").with(TestMember.of(tenant.id(), "10", "2001"))).andExpect(status().isNotFound());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(member))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
