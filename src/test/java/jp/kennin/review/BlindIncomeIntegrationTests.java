package jp.kennin.review;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.review.Reviews.ReviewSettings;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Blind double entry of the income figure (issue 12, screen 7): the spouse declares
 * 1,200,000 yen; the reviewer types what the certificate says without seeing it.
 */
@KenninIntegrationTest
class BlindIncomeIntegrationTests {

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

	@Autowired
	Reviews reviews;

	@Autowired
	BlindIncomes incomes;

	@Autowired
	AuditLog audit;

	private ReviewFixture f;

	private RequestPostProcessor reviewerLogin;

	private ReviewActor reviewer;

	@BeforeEach
	void setUp() throws Exception {
		f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		reviewerLogin = TestStaff.reviewer(f.tenant.id());
		reviewer = new ReviewActor(f.tenant.id(), "test-reviewer-" + f.tenant.id(), "REVIEWER", "10.0.0.1");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_members_income_is_hidden_until_the_certificate_figure_is_saved() throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("審査を始めると入力できます。")))
			.andExpect(content().string(not(containsString("1,200,000"))));
		reviews.start(reviewer, f.formId);
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(content().string(containsString("証明書で読み取った年収（円）")))
			.andExpect(content().string(containsString("id=\"income-" + f.spouseId + "\"")))
			.andExpect(content().string(containsString("証明書で読み取った年収を保存すると表示されます")))
			.andExpect(content().string(not(containsString("1,200,000"))))
			// The child is 手続き中: no income figure, no blind field.
			.andExpect(content().string(not(containsString("id=\"income-" + f.childId + "\""))));

		// Full-width digits and commas, as read off the paper.
		mvc.perform(income(f.spouseId, version(), "１，２０５，０００"))
			.andExpect(flash().attribute("flash", "review.flash.incomeEntered"));
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(content().string(containsString("1,205,000円")))
			.andExpect(content().string(containsString("1,200,000円")))
			.andExpect(content().string(not(containsString("id=\"income-" + f.spouseId + "\""))))
			.andExpect(content().string(not(containsString("id=\"income-mismatch-" + f.spouseId + "\""))));
		assertThat(incomes.view(reviewer, f.formId).mismatch(f.spouseId)).as("5,000 yen off, tolerance 10,000")
			.isFalse();
		reviews.decide(reviewer, f.formId, version(), f.spouseId,
				new DependentDecision(Decision.CONTINUE, null, null, null));
	}

	@Test
	void a_figure_off_by_more_than_the_tolerance_flags_the_dependent_and_continuing_needs_a_note() throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		reviews.start(reviewer, f.formId);
		// Kept before the certificate's figure is typed: refused, so the check cannot be
		// skipped.
		assertThatThrownBy(() -> reviews.decide(reviewer, f.formId, version(), f.spouseId,
				new DependentDecision(Decision.CONTINUE, null, null, "問題なし")))
			.extracting("messageKey")
			.isEqualTo(BlindIncomes.ENTRY_REQUIRED);
		assertThat(decision(f.spouseId)).isEmpty();
		mvc.perform(income(f.spouseId, version(), "1,350,000"))
			.andExpect(flash().attribute("flash", "review.flash.incomeEntered"));
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(content().string(containsString("id=\"income-mismatch-" + f.spouseId + "\"")))
			.andExpect(content().string(containsString("収入の不一致")))
			.andExpect(content().string(containsString("150,000円（許容差 10,000円）")))
			.andExpect(content().string(containsString("証明書 1,350,000円／申告 1,200,000円（差 150,000円） 収入の不一致")));
		assertThat(incomes.view(reviewer, f.formId).mismatch(f.spouseId)).isTrue();

		mvc.perform(post("/admin/reviews/{f}/dependents/{d}/decision", f.formId, f.spouseId).with(reviewerLogin)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("decision", "CONTINUE"))
			.andExpect(flash().attribute("problem", BlindIncomes.MISMATCH_NOTE_REQUIRED));
		assertThat(decision(f.spouseId)).isEmpty();
		reviews.decide(reviewer, f.formId, version(), f.spouseId,
				new DependentDecision(Decision.CONTINUE, null, null, "賞与を含む証明書のため。見込額は基準内"));
		assertThat(decision(f.spouseId)).containsExactly("CONTINUE");

		// A second entry would no longer be blind.
		assertThatThrownBy(() -> incomes.enterIncome(reviewer, f.formId, version(), f.spouseId, 1_200_000))
			.extracting("messageKey")
			.isEqualTo(BlindIncomes.ALREADY_ENTERED);
	}

	@Test
	void with_the_setting_off_the_screen_shows_the_members_figure_and_no_field() throws Exception {
		submitWithSpouseIncome("1200000");
		reviews.start(reviewer, f.formId);
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,200,000円")))
			.andExpect(content().string(not(containsString("証明書で読み取った年収（円）"))));
		reviews.decide(reviewer, f.formId, version(), f.spouseId,
				new DependentDecision(Decision.CONTINUE, null, null, null));
	}

	@Test
	void an_entry_on_a_stale_version_bad_text_and_a_dependent_without_income_are_refused() throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		reviews.start(reviewer, f.formId);
		int seen = version();
		reviews.saveMemo(reviewer, f.formId, seen, "同僚のメモ");
		mvc.perform(income(f.spouseId, seen, "1200000")).andExpect(flash().attribute("problem", ReviewProblem.STALE));
		mvc.perform(income(f.spouseId, version(), "たくさん"))
			.andExpect(redirectedUrl("/admin/reviews/" + f.formId))
			.andExpect(flash().attribute("incomeEntered",
					Map.of("dependentId", f.spouseId, "typed", "たくさん", "problem", BlindIncomes.INVALID)));
		assertThatThrownBy(() -> incomes.enterIncome(reviewer, f.formId, version(), f.childId, 100_000))
			.extracting("messageKey")
			.isEqualTo(BlindIncomes.NO_FIGURE);
		assertThat(jdbc.sql("select count(*) from review_income_entry where dependent_id = ?")
			.param(f.spouseId)
			.query(Integer.class)
			.single()).isZero();
		ReviewActor stranger = new ReviewActor(f.tenant.id() + 100_000, "other", "REVIEWER", null);
		assertThatThrownBy(() -> incomes.enterIncome(stranger, f.formId, 1, f.spouseId, 1))
			.isInstanceOf(RuntimeException.class)
			.isNotInstanceOf(ReviewProblem.class);
	}

	@Test
	void the_entry_is_audited_and_in_the_history() throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		reviews.start(reviewer, f.formId);
		incomes.enterIncome(reviewer, f.formId, version(), f.spouseId, 1_180_000);
		var events = audit.search(new AuditLog.Query(f.tenant.id(), null, null, null, "survey_form:" + f.formId, 50));
		var entered = events.stream().filter(e -> e.type().equals("INCOME_ENTERED")).toList();
		assertThat(entered).hasSize(1);
		assertThat(entered.get(0).details()).containsEntry("edaban", "01")
			.containsEntry("enteredYen", "1180000")
			.containsEntry("memberYen", "1200000")
			.containsEntry("mismatch", "true");
		assertThat(reviews.view(reviewer, f.formId).history()).extracting(ReviewView.Step::kind)
			.contains("INCOME_ENTERED");
	}

	@Test
	void the_staff_survey_form_hides_the_members_income_too_until_the_figure_is_entered() throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		// Before the review started and while it runs without an entry: hidden, as on the
		// review screen, with the income checks.
		mvc.perform(get("/admin/survey-forms/{f}", f.formId).with(reviewerLogin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"income-hidden-" + f.spouseId + "\"")))
			.andExpect(content().string(containsString("証明書の年収を入力すると表示されます")))
			.andExpect(content().string(not(containsString("1,200,000"))));
		reviews.start(reviewer, f.formId);
		mvc.perform(get("/admin/survey-forms/{f}", f.formId).with(TestStaff.tenantAdmin(f.tenant.id())))
			.andExpect(content().string(not(containsString("1,200,000"))));
		incomes.enterIncome(reviewer, f.formId, version(), f.spouseId, 1_200_000);
		mvc.perform(get("/admin/survey-forms/{f}", f.formId).with(reviewerLogin))
			.andExpect(content().string(containsString("1,200,000円")))
			.andExpect(content().string(not(containsString("id=\"income-hidden-"))));
	}

	@Test
	void the_forms_csv_leaves_the_income_figures_out_while_blind_entry_is_on() throws Exception {
		submitWithSpouseIncome("1200000");
		assertThat(formsCsv()).contains("1200000");
		blind(true);
		assertThat(formsCsv()).doesNotContain("1200000").contains("審査 花子");
	}

	private String formsCsv() throws Exception {
		return mvc
			.perform(get("/admin/campaigns/{c}/forms.csv", f.campaignId).with(reviewerLogin).param("encoding", "utf8"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void with_the_setting_off_the_staff_survey_form_shows_the_members_income() throws Exception {
		submitWithSpouseIncome("1200000");
		mvc.perform(get("/admin/survey-forms/{f}", f.formId).with(reviewerLogin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1,200,000円")))
			.andExpect(content().string(not(containsString("id=\"income-hidden-"))));
	}

	@Test
	void a_mismatch_is_tagged_and_filtered_in_the_queue_and_recomputed_when_the_member_corrects_the_income()
			throws Exception {
		blind(true);
		submitWithSpouseIncome("1200000");
		reviews.start(reviewer, f.formId);
		String row = "id=\"mismatch-" + f.formId + "\"";
		mvc.perform(queue("IN_REVIEW", "MISMATCH"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("該当する調査票はありません。")));
		mvc.perform(income(f.spouseId, version(), "1,350,000"))
			.andExpect(flash().attribute("flash", "review.flash.incomeEntered"));
		mvc.perform(queue("IN_REVIEW", null))
			.andExpect(content().string(containsString(row)))
			.andExpect(content().string(containsString(">収入の不一致</span>")));
		mvc.perform(queue("IN_REVIEW", "MISMATCH"))
			.andExpect(content().string(containsString(f.bango)))
			.andExpect(content().string(containsString("<option value=\"MISMATCH\" selected=\"selected\"")));

		// Returned; the member corrects the income to what the certificate says and
		// resubmits: the flag goes with the mismatch.
		reviews.returnForCorrection(reviewer, f.formId, version(), new Reviews.ReturnRequest("年収を確認してください",
				List.of(new Reviews.ReturnReason(f.spouseId, null, "年収が証明書と違います")), null));
		mvc.perform(step(f.spouseId, "income").param("incomeSalary", "1350000")).andExpect(status().is3xxRedirection());
		complete(f.spouseId);
		submit();
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
		mvc.perform(queue("RESUBMITTED", null))
			.andExpect(content().string(containsString(f.bango)))
			.andExpect(content().string(not(containsString(row))));
		mvc.perform(queue("RESUBMITTED", "MISMATCH")).andExpect(content().string(containsString("該当する調査票はありません。")));
	}

	private MockHttpServletRequestBuilder queue(String tab, String income) {
		var request = get("/admin/campaigns/{c}/review", f.campaignId).with(reviewerLogin).param("tab", tab);
		return income == null ? request : request.param("income", income);
	}

	private void submit() throws Exception {
		MockHttpServletRequestBuilder submit = post("/survey/{f}/submit", f.formId).with(f.member()).with(csrf());
		for (String slot : List.of("INCOME_CERTIFICATE", "SALARY_PROOF")) {
			submit.param("required", f.spouseId + "-" + slot).param("choice-" + f.spouseId + "-" + slot, "MAIL");
		}
		mvc.perform(submit).andExpect(redirectedUrl("/survey/" + f.formId + "/receipt"));
	}

	private void blind(boolean on) {
		ReviewActor admin = new ReviewActor(f.tenant.id(), "admin-b", "TENANT_ADMIN", null);
		reviews.changeSettings(admin,
				new ReviewSettings(true, 7, ReviewSettings.DEFAULT_REASON_TEMPLATES, 5, on, 10_000));
	}

	/** The spouse stays (together, part-time, the salary given); the child is 手続き中. */
	private void submitWithSpouseIncome(String salary) throws Exception {
		long s = f.spouseId;
		step(s, "continuation").param("continuation", "CONTINUE");
		mvc.perform(step(s, "continuation").param("continuation", "CONTINUE")).andExpect(status().is3xxRedirection());
		mvc.perform(step(s, "living").param("living", "TOGETHER")).andExpect(status().is3xxRedirection());
		mvc.perform(step(s, "occupation").param("occupations", "PART_TIME")).andExpect(status().is3xxRedirection());
		mvc.perform(step(s, "income").param("incomeSalary", salary)).andExpect(status().is3xxRedirection());
		mvc.perform(step(s, "residence").param("residence", "DOMESTIC")).andExpect(status().is3xxRedirection());
		mvc.perform(step(s, "disability").param("disabled", "no")).andExpect(status().is3xxRedirection());
		complete(s);
		mvc.perform(step(f.childId, "continuation").param("continuation", "IN_PROGRESS"))
			.andExpect(status().is3xxRedirection());
		complete(f.childId);
		MockHttpServletRequestBuilder submit = post("/survey/{f}/submit", f.formId).with(f.member()).with(csrf());
		for (String slot : List.of("INCOME_CERTIFICATE", "SALARY_PROOF")) {
			submit.param("required", s + "-" + slot).param("choice-" + s + "-" + slot, "MAIL");
		}
		mvc.perform(submit).andExpect(redirectedUrl("/survey/" + f.formId + "/receipt"));
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");
	}

	private MockHttpServletRequestBuilder step(long dependentId, String slug) {
		return post("/survey/{f}/d/{d}/{s}", f.formId, dependentId, slug).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(answerVersion(dependentId)));
	}

	private void complete(long dependentId) throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/complete", f.formId, dependentId).with(f.member())
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(answerVersion(dependentId)))).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder income(long dependentId, int version, String typed) {
		return post("/admin/reviews/{f}/dependents/{d}/income", f.formId, dependentId).with(reviewerLogin)
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("income", typed);
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private int version() {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

	private List<String> decision(long dependentId) {
		return jdbc.sql("select decision from review_decision where dependent_id = ? and decision is not null")
			.param(dependentId)
			.query(String.class)
			.list();
	}

}
