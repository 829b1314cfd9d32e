package jp.kennin.survey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The April 2026 rule end to end: a member says the spouse's only income is salary and
 * types the labour contract's terms; the pre-check judges by the contract and says so,
 * asks for the 労働条件通知書 instead of payslips; the answers show on the check page and in the
 * staff CSV; a tenant can switch the rule off.
 */
@KenninIntegrationTest
class LabourContractSurveyIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	private long campaignId;

	private long formId;

	private long dependentId;

	private RequestPostProcessor member;

	@BeforeEach
	void openCampaign() {
		tenant = TestTenants.create(tenants, "契約テスト健保");
		String bango = "lc" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "7", bango, "00", true, "本人", RelationshipCategory.SELF, "契約 太郎", "ケイヤク タロウ",
						LocalDate.of(1978, 1, 1), Gender.MALE, "k@example.jp", "100", "本社", null, null, true),
				new RosterPerson(0, 0, "7", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "契約 花子", "ケイヤク ハナコ",
						LocalDate.of(1980, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		dependentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		clock.setInstant(draft.opensAt().plus(Duration.ofHours(1)));
		member = TestMember.of(tenant.id(), "7", bango);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_salary_only_spouse_is_judged_by_the_labour_contract_on_the_check_page_and_in_the_csv() throws Exception {
		answerAllButIncome();
		step("income", 3).param("incomeSalary", "100万")
			.param("answers[salaryOnly]", "true")
			.param("answers[contractWageKind]", "HOURLY")
			.param("answers[contractWage]", "１，１００")
			.param("answers[contractHoursPerDay]", "6")
			.param("answers[contractDaysPerWeek]", "4")
			.andExpect(status().is3xxRedirection());
		step("residence", 4).param("residence", "DOMESTIC").andExpect(status().is3xxRedirection());
		step("disability", 5).param("disabled", "no").andExpect(status().is3xxRedirection());
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, dependentId).with(member)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "6")).andExpect(redirectedUrl("/survey/" + formId));

		mvc.perform(get("/survey/{f}/check", formId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("賃金の形態")))
			.andExpect(content().string(containsString("時給")))
			.andExpect(content().string(containsString("1,100円")))
			.andExpect(content().string(containsString("週4日")))
			.andExpect(content().string(containsString("保保発1001第3号")))
			.andExpect(content().string(containsString("年1,372,800円")))
			.andExpect(content().string(containsString("労働条件通知書（雇用契約書）の写しと、給与収入のみである旨の申立書")))
			.andExpect(content().string(not(containsString("給与明細（直近3か月分）または源泉徴収票"))))
			.andExpect(content().string(containsString("年間収入見込額が130万円以上")));

		byte[] bytes = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).param("encoding", "utf8")
				.with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		try (var parser = org.apache.commons.csv.CSVParser.parse(text,
				org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
			var row = parser.getRecords().get(0);
			assertThat(row.get("給与収入のみ（労働条件通知書で判定）")).isEqualTo("はい");
			assertThat(row.get("労働条件通知書：賃金の形態")).isEqualTo("時給");
			assertThat(row.get("労働条件通知書：時給または月給")).isEqualTo("1100");
			assertThat(row.get("労働条件通知書：1日の労働時間")).isEqualTo("6");
			assertThat(row.get("労働条件通知書：週の労働日数")).isEqualTo("4");
			assertThat(row.get("給与")).isEqualTo("1000000");
			assertThat(row.get("書類不足")).contains("労働条件通知書").doesNotContain("給与明細");
		}
	}

	@Test
	void missing_contract_terms_and_other_income_are_explained_next_to_the_field_and_kept() throws Exception {
		answerAllButIncome();
		step("income", 3).param("incomeSalary", "100万")
			.param("incomePension", "10万")
			.param("answers[salaryOnly]", "true")
			.param("answers[contractWageKind]", "HOURLY")
			.param("answers[contractWage]", "1100")
			.param("answers[contractHoursPerDay]", "25")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("24以下の数字で入力してください")))
			.andExpect(content().string(containsString("週の所定労働日数を入力してください")))
			.andExpect(content().string(containsString("「収入は給与だけ」を選べません")))
			.andExpect(content().string(containsString("value=\"25\"")))
			// The questions drawn from their description link the error summary to the
			// field,
			// and the field to its message.
			.andExpect(content().string(containsString("href=\"#contractHoursPerDay\"")))
			.andExpect(content().string(containsString("id=\"contractHoursPerDay-error\"")))
			.andExpect(content()
				.string(containsString("aria-describedby=\"contractHoursPerDay-hint contractHoursPerDay-error\"")))
			.andExpect(content().string(containsString("href=\"#salaryOnly\"")));
		assertThat(jdbc.sql("select income_salary from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Long.class)
			.list()).containsOnlyNulls();
	}

	@Test
	void a_tenant_that_switches_the_rule_off_gets_payslips_and_the_estimate() throws Exception {
		mvc.perform(post("/admin/eligibility").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("validFrom", "2026-01-01")
			.param("standardLimit", "1300000")
			.param("youngAdultLimit", "1500000")
			.param("youngAdultMinAge", "19")
			.param("youngAdultMaxAge", "22")
			.param("seniorLimit", "1800000")
			.param("seniorAge", "60")
			.param("latterStageAge", "75")
			.param("labourContractFrom", "")
			.param("contractWeeksPerYear", "52")).andExpect(redirectedUrl("/admin/eligibility"));
		answerAllButIncome();
		step("income", 3).param("incomeSalary", "100万")
			.param("answers[salaryOnly]", "true")
			.param("answers[contractWageKind]", "MONTHLY")
			.param("answers[contractWage]", "12万")
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/survey/{f}/d/{d}", formId, dependentId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("年間収入見込額（これから1年間の見込み）で判定しました")))
			.andExpect(content().string(containsString("給与明細（直近3か月分）または源泉徴収票")))
			.andExpect(content().string(not(containsString("保保発1001第3号）により"))));
		mvc.perform(get("/admin/eligibility").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("行わない")));
	}

	private void answerAllButIncome() throws Exception {
		step("continuation", 0).param("continuation", "CONTINUE").andExpect(status().is3xxRedirection());
		step("living", 1).param("living", "TOGETHER").andExpect(status().is3xxRedirection());
		step("occupation", 2).param("occupations", "PART_TIME").andExpect(status().is3xxRedirection());
	}

	private Step step(String slug, int version) {
		return new Step(slug, version);
	}

	/** One step's POST, its parameters added before it is sent by {@link #andExpect}. */
	private final class Step {

		private final org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request;

		Step(String slug, int version) {
			request = post("/survey/{f}/d/{d}/{s}", formId, dependentId, slug).with(member)
				.with(csrf())
				.param("version", String.valueOf(version));
		}

		Step param(String name, String value) {
			request.param(name, value);
			return this;
		}

		ResultActions andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
			return mvc.perform(request).andExpect(matcher);
		}

	}

}
