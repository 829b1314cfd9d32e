package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.JapanTime;
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
 * Issue 12's whole review, each person in a browser of their own: the member hands in a
 * certificate that cannot be read; a reviewer starts the review, marks it 不備 with one of
 * the insurer's reasons and returns the form; the member, on a 375 px phone, reads the
 * message, finds only the returned dependent open, uploads a new file and resubmits; the
 * reviewer decides 継続 for one dependent and proposes 削除 for the other; an administrator
 * approves the removal and completes the check. Every page passes axe.
 */
@KenninIntegrationTest
class ReviewJourneyBrowserTests {

	static final String STAFF_PASSWORD = "Review-journey-2026!";

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
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Documents documents;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_returned_certificate_is_replaced_on_a_phone_then_decided_approved_and_completed() throws Exception {
		String code = "rj" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(code, "審査通し健保", code + "@kenpo.example", "審査通し健保",
				new Tenant.SupportDesk("審査通し健保 適用グループ", "0120-000-333", "平日9時～17時", null, null),
				PasswordPolicyPreset.SEED));
		Registration member = Registration.register(mvc, fixtures, tenant);
		RosterPerson insured = member.person();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		roster.upsert(tenant.id(), List.of(
				dependent(insured, "01", "妻", RelationshipCategory.SPOUSE, "桂 小夜子", "カツラ サヨコ", today.minusYears(51)),
				dependent(insured, "02", "長女", RelationshipCategory.CHILD, "桂 美月", "カツラ ミツキ", today.minusYears(20))));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(4).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
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
		long daughter = dependentId(formId, "02");
		long daughterPerson = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(daughter)
			.query(Long.class)
			.single();
		// The member answered earlier (what the survey's own browser tests walk through)
		// and
		// handed in a certificate for the daughter that turns out to be unreadable.
		RequestPostProcessor household = TestMember.of(tenant.id(), insured.kigo(), insured.bango());
		for (long d : List.of(spouse, daughter)) {
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(household)
				.with(csrf())
				.param("version", String.valueOf(answerVersion(d)))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(household)
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		long blurred = documents
			.store(new DocumentOwner(tenant.id(), insured.kigo(), insured.bango()), daughterPerson, "OTHER",
					"在学証明書.pdf", TestFiles.pdf(1))
			.id();
		mvc.perform(post("/survey/{f}/submit", formId).with(household).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String firstReceipt = receipt(formId);
		String kigoBango = insured.kigo() + "-" + insured.bango();
		accounts.create("rv-" + code, "審査 担当", StaffRole.REVIEWER, tenant.id(), STAFF_PASSWORD);
		accounts.create("ad-" + code, "審査 管理者", StaffRole.TENANT_ADMIN, tenant.id(), STAFF_PASSWORD);

		// The reviewer: start, 不備 on the certificate, return.
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), "rv-" + code, STAFF_PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + campaignId + "/review"));
			browser.click(driver.findElement(By.cssSelector("button[aria-label='" + kigoBango + " の審査を始める']")));
			assertThat(browser.heading()).isEqualTo("審査：" + kigoBango);
			driver.findElement(By.id("deficient-open-" + blurred)).click();
			new Select(driver.findElement(By.id("document-reason-" + blurred))).selectByVisibleText("書類が不鮮明");
			browser.click(driver.findElement(By.id("deficient-document-" + blurred)));
			assertThat(driver.findElement(By.id("document-state-" + blurred)).getText()).isEqualTo("不備：書類が不鮮明");
			assertThat(driver.findElement(By.id("return-document-" + blurred)).isSelected()).isTrue();
			browser.type("return-message", "在学証明書の文字が読み取れません。撮り直してアップロードしてください。");
			browser.click(driver.findElement(By.id("return")));
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("調査票を差し戻しました。");
			browser.checkPage("journey-returned");
			memberReplacesTheCertificate(member, formId, spouse, daughter, firstReceipt);

			// The reviewer again: 再提出, 継続 for the spouse, a 削除 proposal for the
			// daughter.
			driver.get(url("/admin/campaigns/" + campaignId + "/review?tab=RESUBMITTED"));
			assertThat(driver.findElement(By.tagName("table")).getText()).contains("再提出");
			browser.click(driver.findElement(By.cssSelector("button[aria-label='" + kigoBango + " の審査を始める']")));
			driver.findElement(By.id("decision-" + spouse + "-CONTINUE")).click();
			browser.click(driver.findElement(By.id("save-decision-" + spouse)));
			driver.findElement(By.id("decision-" + daughter + "-REMOVE")).click();
			((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
					"loss-" + daughter, today.withDayOfMonth(1).toString());
			new Select(driver.findElement(By.id("reason-sel-" + daughter))).selectByVisibleText("就職");
			browser.click(driver.findElement(By.id("save-decision-" + daughter)));
			assertThat(driver.findElement(By.id("decision-" + daughter)).getText()).contains("削除", "承認待ち");
			browser.checkPage("journey-proposed");
		}

		// The administrator approves the removal and completes the check.
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), "ad-" + code, STAFF_PASSWORD, clock);
			driver.get(url("/admin/reviews/" + formId));
			browser.click(driver.findElement(By.id("approve-" + daughter)));
			assertThat(driver.findElement(By.id("decision-" + daughter)).getText()).contains("削除")
				.doesNotContain("承認待ち");
			browser.click(driver.findElement(By.id("complete")));
			assertThat(driver.findElement(By.className("notification-banner")).getText()).isEqualTo("確認を完了しました。");
			browser.checkPage("journey-completed");
		}
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("COMPLETED");
		assertThat(documents.list(new DocumentOwner(tenant.id(), insured.kigo(), insured.bango())))
			.as("the unreadable certificate is kept beside its replacement")
			.hasSize(2);
	}

	/**
	 * The member, on a phone: the message, only the daughter's documents open, a new
	 * file, resubmitted.
	 */
	private void memberReplacesTheCertificate(Registration member, long formId, long spouse, long daughter,
			String firstReceipt) throws Exception {
		Path photo = Files.createTempFile("zaigaku", ".pdf");
		Files.write(photo, TestFiles.pdf(1));
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			assertThat(driver.findElement(By.className("home-survey__returned")).getText())
				.contains("在学証明書の文字が読み取れません。撮り直してアップロードしてください。");
			browser.click(driver.findElement(By.linkText("差し戻された調査票を修正する")));
			assertThat(driver.findElement(By.id("correction-" + daughter)).getText()).isEqualTo("書類を差し替えてください");
			assertThat(driver.findElement(By.id("correction-" + spouse)).getText()).isEqualTo("変更できません（差し戻しの対象外）");
			Axe.check(driver);
			browser.click(driver.findElement(By.partialLinkText("桂 美月さん")));
			Browser.awaitLoaded(driver);
			if (driver.findElements(By.cssSelector("form.document-upload")).isEmpty()) {
				throw new AssertionError("no upload on the returned dependent's page:\n" + driver.getPageSource());
			}
			WebElement upload = driver.findElements(By.cssSelector("form.document-upload")).get(0);
			upload.findElement(By.cssSelector("input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
			browser.click(upload.findElement(By.cssSelector("button[type=submit]")));
			assertThat(driver.getPageSource()).contains("をアップロードしました");
			Axe.check(driver);
			driver.get(url("/survey/" + formId));
			browser.click(driver.findElement(By.linkText("回答内容を確認して提出する")));
			browser.checkPage("journey-check");
			browser.click(driver.findElement(By.cssSelector("#submit-form button[type=submit]")));
			assertThat(browser.heading()).isEqualTo("提出が完了しました");
			assertThat(receipt(formId)).isNotEqualTo(firstReceipt);
			browser.checkPage("journey-resubmitted");
		}

	}

	private String url(String path) {
		return "http://localhost:" + port + path;
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
