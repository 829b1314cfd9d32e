package jp.kennin.survey;

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
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member answers the survey for two dependents (one student living apart with
 * remittance, one leaving), sees the pre-check warnings, submits once and can withdraw;
 * deadline, other households and stale tabs are handled.
 */
@KenninIntegrationTest
class SurveyAnsweringIntegrationTests {

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

	private String bango;

	private RequestPostProcessor member;

	private long formId;

	private long studentId;

	private long spouseId;

	private CampaignDraft draft;

	@BeforeEach
	void openCampaign() {
		tenant = TestTenants.create(tenants, "回答テスト健保");
		bango = "s" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "回答 太郎", LocalDate.of(1975, 4, 1)),
						person("01", false, "妻", RelationshipCategory.SPOUSE, "回答 花子", LocalDate.of(1977, 4, 1)),
						person("02", false, "長男", RelationshipCategory.CHILD, "回答 一郎", LocalDate.of(2006, 5, 20))));
		draft = CampaignIntegrationTests.draft(new TargetRules(null, null, null,
				EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		spouseId = dependentId("01");
		studentId = dependentId("02");
		member = TestMember.of(tenant.id(), "1", bango);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Autowired
	MemberSurveys memberSurveys;

	@Test
	void several_campaigns_are_listed_by_title_state_and_deadline_and_one_closed_early_says_so() throws Exception {
		long first = jdbc.sql("select campaign_id from survey_form where id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		CampaignDraft second = new CampaignDraft("2026年度 追加確認調査", draft.referenceDate(), draft.opensAt(),
				draft.deadline().plus(Duration.ofDays(14)), false, draft.instructions(), draft.rules());
		long secondId = campaigns.create(tenant.id(), second);
		campaigns.open(tenant.id(), secondId);
		long secondForm = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(secondId)
			.query(Long.class)
			.single();
		// The home page's panel links each campaign to its own form.
		assertThat(memberSurveys.statusFor(tenant.id(), "1", bango)).extracting(SurveyStatus::formId)
			.containsExactly(formId, secondForm);

		// Closed by staff well before its deadline.
		campaigns.close(tenant.id(), first);
		assertThat(clock.instant()).isBefore(draft.deadline());
		mvc.perform(get("/survey").with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(draft.title())))
			.andExpect(content().string(containsString("2026年度 追加確認調査")))
			.andExpect(content().string(containsString("href=\"/survey/" + formId + "\"")))
			.andExpect(content().string(containsString("href=\"/survey/" + secondForm + "\"")))
			.andExpect(content().string(containsString("未回答")))
			.andExpect(content().string(containsString("回答期限：")))
			.andExpect(content().string(containsString("この調査は締め切られました")))
			.andExpect(content().string(not(containsString("番号 " + formId))))
			.andExpect(content().string(not(containsString("回答期限を過ぎたため"))));
		mvc.perform(get("/survey/{f}", formId).with(member))
			.andExpect(content().string(containsString("この調査は締め切られました")))
			.andExpect(content().string(not(containsString("回答期限を過ぎたため"))));
		mvc.perform(get("/survey/{f}", secondForm).with(member))
			.andExpect(content().string(not(containsString("この調査は締め切られました"))));
	}

	@Test
	void member_answers_for_two_dependents_sees_warnings_and_submits_once() throws Exception {
		mvc.perform(get("/survey").with(member)).andExpect(redirectedUrl("/survey/" + formId));
		mvc.perform(get("/survey/{f}", formId).with(member))
			.andExpect(content().string(containsString("回答 一郎さん（長男）について回答する")))
			.andExpect(content().string(containsString("未着手")));

		// The student lives apart, gets 50,000 yen a month by transfer, earns 1,400,000
		// yen.
		step(studentId, "continuation", 0).param("continuation", "CONTINUE");
		perform(step(studentId, "continuation", 0).param("continuation", "CONTINUE"))
			.andExpect(redirectedUrl(stepUrl(studentId, "living")));
		perform(step(studentId, "living", 1).param("living", "APART")
			.param("address", "東京都文京区本郷１－１")
			.param("remittance", "５万")
			.param("remittanceMethod", "TRANSFER")).andExpect(redirectedUrl(stepUrl(studentId, "occupation")));
		perform(step(studentId, "occupation", 2).param("occupations", "STUDENT", "PART_TIME")
			.param("schoolName", "検認大学")
			.param("schoolGrade", "2年")).andExpect(redirectedUrl(stepUrl(studentId, "income")));
		perform(step(studentId, "income", 3).param("incomeSalary", "１，４００，０００"))
			.andExpect(redirectedUrl(stepUrl(studentId, "residence")));
		perform(step(studentId, "residence", 4).param("residence", "DOMESTIC"))
			.andExpect(redirectedUrl(stepUrl(studentId, "disability")));
		perform(step(studentId, "disability", 5).param("disabled", "no"))
			.andExpect(redirectedUrl("/survey/" + formId + "/d/" + studentId));
		mvc.perform(get("/survey/{f}/d/{d}", formId, studentId).with(member))
			.andExpect(content().string(containsString("1,400,000円")))
			.andExpect(content().string(containsString("仕送り 月額 50,000円")))
			.andExpect(content().string(containsString("検認大学")));
		complete(studentId, 6);

		// The spouse leaves the insurance because she found a job.
		perform(step(spouseId, "continuation", 0).param("continuation", "REMOVE")
			.param("removalYear", "２０２６")
			.param("removalMonth", "8")
			.param("removalDay", "1")
			.param("removalReason", "EMPLOYED")).andExpect(redirectedUrl("/survey/" + formId + "/d/" + spouseId));
		complete(spouseId, 1);

		mvc.perform(get("/survey/{f}/check", formId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提出する")))
			.andExpect(content().string(containsString("2026年8月1日 就職")))
			.andExpect(content().string(containsString("年間収入の基準：150万円未満")))
			.andExpect(content().string(containsString("仕送り額（1年分で60万円）以上のため")));

		// None of the student's documents is uploaded: each one is promised by post
		// (SurveyDocumentsIntegrationTests).
		mvc.perform(byPost(post("/survey/{f}/submit", formId).with(member).with(csrf()), studentId,
				"INCOME_CERTIFICATE", "SALARY_PROOF", "STUDENT_CERTIFICATE", "REMITTANCE_PROOF"))
			.andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
		String receipt = receiptNumber();
		assertThat(receipt).matches("\\d{4}-\\d{4}-\\d{7}");
		mvc.perform(get("/survey/{f}/receipt", formId).with(member))
			.andExpect(content().string(containsString(receipt)));
		byte[] pdf = mvc.perform(get("/survey/{f}/receipt.pdf", formId).with(member))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("回答の控え")
				.contains(receipt)
				.contains("回答 一郎")
				.contains("検認大学")
				.contains("アップロードした書類");
		}

		// A double click or a resent POST changes nothing.
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()))
			.andExpect(redirectedUrl("/survey/" + formId + "/receipt"));
		assertThat(receiptNumber()).isEqualTo(receipt);

		// After submitting, answers are locked until the member withdraws.
		perform(step(studentId, "disability", 7).param("disabled", "yes"))
			.andExpect(flash().attribute("problem", "survey.form.problem.submitted"));
		mvc.perform(post("/survey/{f}/withdraw", formId).with(member).with(csrf()))
			.andExpect(flash().attribute("flash", "survey.form.flash.withdrawn"));
		mvc.perform(get("/survey/{f}", formId).with(member)).andExpect(content().string(not(containsString("提出済みです"))));
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()));
		assertThat(receiptNumber()).as("a resubmission gets a number of its own").isEqualTo(receipt + "-2");
	}

	@Test
	void the_insured_income_feeds_the_half_income_test_for_a_dependent_living_together() throws Exception {
		mvc.perform(post("/survey/{f}/household", formId).with(member).with(csrf()).param("insuredIncome", "たくさん"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("金額は「120000」や「12万」のように")));
		mvc.perform(post("/survey/{f}/household", formId).with(member).with(csrf()).param("insuredIncome", "２００万"))
			.andExpect(redirectedUrl("/survey/" + formId));
		perform(step(studentId, "continuation", 0).param("continuation", "CONTINUE"));
		perform(step(studentId, "living", 1).param("living", "TOGETHER"));
		perform(step(studentId, "occupation", 2).param("occupations", "PART_TIME"));
		perform(step(studentId, "income", 3).param("incomeSalary", "1200000"));
		mvc.perform(get("/survey/{f}/d/{d}", formId, studentId).with(member))
			.andExpect(content().string(containsString("被保険者の年間収入の2分の1以上のため")));
	}

	@Test
	void background_autosave_saves_valid_steps_only_and_returns_the_new_version() throws Exception {
		mvc.perform(step(studentId, "continuation", 0).header("X-Kennin-Autosave", "1"))
			.andExpect(status().isUnprocessableEntity());
		mvc.perform(
				step(studentId, "continuation", 0).header("X-Kennin-Autosave", "1").param("continuation", "CONTINUE"))
			.andExpect(status().isNoContent())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("X-Kennin-Version", "1"));
		mvc.perform(step(studentId, "continuation", 0).header("X-Kennin-Autosave", "1")
			.param("continuation", "IN_PROGRESS")).andExpect(status().isConflict());
		assertThat(jdbc.sql("select continuation from survey_answer where dependent_id = ?")
			.param(studentId)
			.query(String.class)
			.single()).isEqualTo("CONTINUE");
	}

	@Test
	void answers_survive_a_new_session_on_another_device() throws Exception {
		perform(step(studentId, "continuation", 0).param("continuation", "CONTINUE"));
		perform(step(studentId, "living", 1).param("living", "APART")
			.param("address", "京都府京都市")
			.param("remittance", "40000")
			.param("remittanceMethod", "TRANSFER"));
		// A fresh login (no session, no cookies) on another device sees every saved
		// answer.
		RequestPostProcessor otherDevice = TestMember.of(tenant.id(), "1", bango);
		mvc.perform(get("/survey/{f}/d/{d}", formId, studentId).with(otherDevice))
			.andExpect(content().string(containsString("京都府京都市")))
			.andExpect(content().string(containsString("仕送り 月額 40,000円")));
		mvc.perform(get("/survey/{f}/d/{d}/living", formId, studentId).with(otherDevice))
			.andExpect(content().string(containsString("value=\"40,000\"")));
	}

	@Test
	void missing_and_malformed_answers_are_explained_and_kept() throws Exception {
		perform(step(studentId, "continuation", 0)).andExpect(status().isOk())
			.andExpect(content().string(containsString("扶養を継続するかどうかを選んでください。")));
		perform(step(studentId, "continuation", 0).param("continuation", "REMOVE")
			.param("removalYear", "2026")
			.param("removalMonth", "2")
			.param("removalDay", "30")
			.param("removalReason", "OTHER")).andExpect(status().isOk())
			.andExpect(content().string(containsString("実在する日付を数字で入力してください。")))
			.andExpect(content().string(containsString("「その他」を選んだ場合は、理由を入力してください。")))
			.andExpect(content().string(containsString("value=\"30\"")));
		perform(step(studentId, "living", 0).param("living", "APART").param("remittance", "たくさん"))
			.andExpect(content().string(containsString("ご家族の住所を入力してください。")))
			.andExpect(content().string(containsString("金額は「120000」や「12万」のように")))
			.andExpect(content().string(containsString("仕送りの方法を選んでください。")))
			.andExpect(content().string(containsString("value=\"たくさん\"")));
	}

	@Test
	void a_save_from_a_stale_tab_is_told_not_silently_applied() throws Exception {
		perform(step(studentId, "continuation", 0).param("continuation", "CONTINUE"));
		perform(step(studentId, "living", 1).param("living", "TOGETHER"));
		// A second tab still shows version 1 and says "apart".
		perform(step(studentId, "living", 1).param("living", "APART")
			.param("address", "大阪府")
			.param("remittance", "30000")
			.param("remittanceMethod", "TRANSFER")).andExpect(status().isOk())
			.andExpect(content().string(containsString("別の画面（タブや端末）でこの回答が先に保存されました")));
		assertThat(jdbc.sql("select living from survey_answer where dependent_id = ?")
			.param(studentId)
			.query(String.class)
			.single()).isEqualTo("TOGETHER");
	}

	@Test
	void nothing_can_be_changed_or_submitted_after_the_deadline() throws Exception {
		perform(step(studentId, "continuation", 0).param("continuation", "CONTINUE"));
		clock.setInstant(draft.deadline().plusSeconds(1));
		perform(step(studentId, "living", 1).param("living", "TOGETHER"))
			.andExpect(flash().attribute("problem", "survey.form.problem.closed"));
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.form.problem.closed"));
		mvc.perform(get("/survey/{f}", formId).with(member)).andExpect(content().string(containsString("回答期限を過ぎたため")));
	}

	@Test
	void submitting_before_every_section_is_complete_is_refused() throws Exception {
		perform(step(spouseId, "continuation", 0).param("continuation", "IN_PROGRESS"));
		complete(spouseId, 1);
		mvc.perform(post("/survey/{f}/submit", formId).with(member).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.form.problem.incomplete"));
		assertThat(receiptNumber()).isNull();
	}

	@Test
	void another_household_gets_404() throws Exception {
		RequestPostProcessor stranger = TestMember.of(tenant.id(), "1", bango + "x");
		mvc.perform(get("/survey/{f}", formId).with(stranger)).andExpect(status().isNotFound());
		mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, studentId).with(stranger)
			.with(csrf())
			.param("continuation", "REMOVE")).andExpect(status().isNotFound());
		RequestPostProcessor otherTenant = TestMember.of(TestTenants.create(tenants, "別健保").id(), "1", bango);
		mvc.perform(get("/survey/{f}", formId).with(otherTenant)).andExpect(status().isNotFound());
		mvc.perform(get("/survey/{f}", formId)).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder step(long dependentId, String slug, int version) {
		return post("/survey/{f}/d/{d}/{s}", formId, dependentId, slug).with(member)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private static MockHttpServletRequestBuilder byPost(MockHttpServletRequestBuilder request, long dependentId,
			String... slots) {
		for (String slot : slots) {
			request.param("required", dependentId + "-" + slot).param("choice-" + dependentId + "-" + slot, "MAIL");
		}
		return request;
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request);
	}

	private void complete(long dependentId, int version) throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, dependentId).with(member)
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(version))).andExpect(redirectedUrl("/survey/" + formId));
	}

	private String stepUrl(long dependentId, String slug) {
		return "/survey/" + formId + "/d/" + dependentId + "/" + slug;
	}

	private String receiptNumber() {
		return jdbc.sql("select receipt_number from survey_form where id = ?")
			.param(formId)
			.query(String.class)
			.list()
			.get(0);
	}

	private long dependentId(String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, LocalDate birth) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, name, "カイトウ タロウ", birth,
				Gender.MALE, insured ? "kaito@example.jp" : null, "100", "本社", insured ? null : true, null, true);
	}

}
