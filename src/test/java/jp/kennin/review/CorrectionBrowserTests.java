package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.review.Reviews.ReturnReason;
import jp.kennin.review.Reviews.ReturnRequest;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On a 375 px phone, a member whose form was returned for one dependent finds the message
 * and the correction deadline on home, sees the other dependent read-only and the
 * returned one open, corrects it, resubmits and gets a new 受付番号.
 */
@KenninIntegrationTest
class CorrectionBrowserTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	static final String STAFF_PASSWORD = "Correction-browser-2026!";

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_member_corrects_only_the_returned_dependent_on_a_phone_and_resubmits() throws Exception {
		String code = "cr" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(code, "訂正健保", code + "@kenpo.example", "訂正健保",
				new Tenant.SupportDesk("訂正健保 適用グループ", "0120-000-222", "平日10時～17時", null, null),
				PasswordPolicyPreset.SEED));
		Registration member = Registration.register(mvc, fixtures, tenant);
		RosterPerson insured = member.person();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		roster.upsert(tenant.id(), List.of(
				dependent(insured, "01", "妻", RelationshipCategory.SPOUSE, "御室 花子", "オムロ ハナコ", today.minusYears(44)),
				dependent(insured, "02", "長男", RelationshipCategory.CHILD, "御室 一郎", "オムロ イチロウ", today.minusYears(19))));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long spouse = dependentId(formId, "01");
		long child = dependentId(formId, "02");
		RequestPostProcessor household = TestMember.of(tenant.id(), insured.kigo(), insured.bango());
		for (long d : List.of(spouse, child)) {
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(household)
				.with(csrf())
				.param("version", String.valueOf(answerVersion(d)))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(household)
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/survey/{f}/submit", formId).with(household).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String firstReceipt = receipt(formId);
		ReviewActor reviewer = new ReviewActor(tenant.id(), "rv-" + code, "REVIEWER", "10.0.0.9");
		reviews.start(reviewer, formId);
		reviews.returnForCorrection(reviewer, formId, reviews.view(reviewer, formId).version(), new ReturnRequest(
				"奥様の扶養の継続について、もう一度ご回答ください。", List.of(new ReturnReason(spouse, null, "就職の予定を確認してください")), null));

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/login");
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			String returned = driver.findElement(By.className("home-survey__returned")).getText();
			assertThat(returned).contains("奥様の扶養の継続について、もう一度ご回答ください。").contains("修正");
			assertThat(driver.findElement(By.id("survey")).getText()).contains("差し戻しがあります");
			browser.checkPage("correction-home");

			browser.click(driver.findElement(By.linkText("差し戻された調査票を修正する")));
			assertThat(driver.findElement(By.id("returned")).getText()).contains("修正の期限");
			assertThat(driver.findElement(By.id("correction-" + spouse)).getText()).isEqualTo("修正してください");
			assertThat(driver.findElement(By.id("correction-" + child)).getText()).isEqualTo("変更できません（差し戻しの対象外）");
			Axe.check(driver);
			browser.checkPage("correction-tasks");

			// The child's answers are shown without any change link.
			browser.click(driver.findElement(By.partialLinkText("御室 一郎さん")));
			assertThat(driver.getPageSource()).contains("手続き中");
			assertThat(driver.findElements(By.cssSelector("a[href*='/d/" + child + "/continuation']"))).isEmpty();
			assertThat(driver.findElements(By.cssSelector("form[action$='/complete']"))).isEmpty();
			driver.navigate().back();
			Browser.awaitLoaded(driver);

			// The spouse's answers open.
			browser.click(driver.findElement(By.partialLinkText("御室 花子さん")));
			browser.click(driver.findElement(By.cssSelector("a[href*='/d/" + spouse + "/continuation']")));
			driver.findElement(By.cssSelector("input[name='continuation'][value='REMOVE']")).click();
			browser.type("removalYear", String.valueOf(today.getYear()));
			browser.type("removalMonth", String.valueOf(today.getMonthValue()));
			browser.type("removalDay", "1");
			driver.findElement(By.cssSelector("input[name='removalReason'][value='EMPLOYED']")).click();
			browser.submit();
			driver.findElement(By.id("completed-yes")).click();
			browser.click(driver.findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));

			browser.click(driver.findElement(By.linkText("回答内容を確認して提出する")));
			browser.checkPage("correction-check");
			browser.click(driver.findElement(By.cssSelector("#submit-form button[type=submit]")));
			assertThat(browser.heading()).isEqualTo("提出が完了しました");
			String secondReceipt = receipt(formId);
			assertThat(secondReceipt).isNotEqualTo(firstReceipt).endsWith("-2");
			assertThat(driver.findElement(By.id("content")).getText()).contains(secondReceipt);
			browser.checkPage("correction-receipt");
		}
		// The reviewer sees the 再提出 with the changed answer, old and new, and the
		// member's steps.
		reviews.start(reviewer, formId);
		accounts.create("rv-" + code, "訂正 担当", StaffRole.REVIEWER, tenant.id(), STAFF_PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin("http://localhost:" + port, "rv-" + code, STAFF_PASSWORD, clock);
			driver.get("http://localhost:" + port + "/admin/reviews/" + formId);
			String changes = driver.findElement(By.id("changes-" + spouse)).getText();
			assertThat(changes).contains("変更あり", "手続き中", "削除する");
			assertThat(driver.findElements(By.id("changes-" + child))).isEmpty();
			assertThat(driver.findElement(By.className("review-history")).getText()).contains("被保険者が提出", "被保険者が再提出");
			browser.checkPage("correction-review");
		}
		assertThat(jdbc.sql("select continuation from survey_answer where dependent_id = ?")
			.param(child)
			.query(String.class)
			.single()).isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("select continuation from survey_answer where dependent_id = ?")
			.param(spouse)
			.query(String.class)
			.single()).isEqualTo("REMOVE");
	}

	private static RosterPerson dependent(RosterPerson insured, String edaban, String relationship,
			RelationshipCategory category, String name, String kana, LocalDate birth) {
		return new RosterPerson(0, 0, insured.kigo(), insured.bango(), edaban, false, relationship, category, name,
				kana, birth, RosterPerson.Gender.FEMALE, null, null, null, true, null, true);
	}

	private long dependentId(long formId, String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private String receipt(long formId) {
		return jdbc.sql("select receipt_number from survey_form where id = ?")
			.param(formId)
			.query(String.class)
			.single();
	}

}
