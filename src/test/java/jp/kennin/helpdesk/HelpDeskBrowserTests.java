package jp.kennin.helpdesk;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberAccounts;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin on a phone finds a registered member by status and resets the account;
 * on a desktop each action shows only its own fields, and a caller is found in the full
 * roster list with their survey status and 受付番号; the import page leads to the CSV format;
 * an operator opens the terms versions. Every page is checked with axe.
 */
@KenninIntegrationTest
class HelpDeskBrowserTests {

	static final String PASSWORD = "Helpdesk-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	MemberAccounts memberAccounts;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_admin_resets_a_members_account_from_the_person_detail() throws Exception {
		Tenant tenant = fixtures.tenant();
		Registration member = Registration.register(mvc, fixtures, tenant);
		String adminId = "hdb-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(adminId, "窓口 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			driver.get(url("/admin/roster?kigo=01&active=all&state=REGISTERED"));
			assertThat(driver.findElement(By.id("results")).getText()).contains("登録済");
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("01-" + member.person().bango())));
			assertThat(driver.findElement(By.id("account")).getText()).contains("登録済").contains(member.userId());
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("アカウントをリセットする")));
			waitForHeading(driver, "アカウントをリセットする");
			Axe.check(driver);
			browser.submit();
			waitForHeading(driver, "アカウントをリセットする");
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("理由を入力してください")
				.contains("確認のチェックを入れてください");
			Axe.check(driver);
			driver.findElement(By.id("reason")).sendKeys("本人から電話で依頼");
			driver.findElement(By.cssSelector("label[for=confirm]")).click();
			browser.submit();
			waitForHeading(driver, member.person().name());
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("アカウントをリセットしました");
			assertThat(driver.findElement(By.id("account")).getText()).contains("未登録");
			assertThat(driver.findElement(By.id("events")).getText()).contains("職員によるアカウントのリセット")
				.doesNotContain("STAFF_ACCOUNT_RESET");
			Axe.check(driver);
			browser.screenshot("helpdesk-reset-done-phone");
		}
	}

	@Test
	void each_help_desk_action_shows_only_its_own_fields() throws Exception {
		Tenant tenant = fixtures.tenant();
		var waiting = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		Registration member = Registration.register(mvc, fixtures, tenant);
		Registration locked = Registration.register(mvc, fixtures, tenant);
		lock(locked);
		String adminId = "hdf-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(adminId, "窓口 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);

			openAction(browser, waiting.id(), "会員登録の案内メールを再送する");
			assertFields(driver, false, false);
			assertThat(driver.findElement(By.id("content")).getText()).contains(waiting.email());
			browser.submit();
			assertThat(driver.findElement(By.className("error-summary")).getText())
				.isEqualTo("入力内容に誤りがあります\n理由を入力してください");
			assertFields(driver, false, false);
			Axe.check(driver);

			openAction(browser, locked.person().id(), "ロックを解除する");
			assertFields(driver, false, false);
			Axe.check(driver);

			openAction(browser, member.person().id(), "アカウントをリセットする");
			assertFields(driver, false, true);
			browser.submit();
			assertThat(driver.findElement(By.className("error-summary")).getText()).doesNotContain("メールアドレス");
			assertFields(driver, false, true);

			openAction(browser, member.person().id(), "登録メールアドレスを変更する");
			assertFields(driver, true, false);
			browser.submit();
			assertThat(driver.findElement(By.className("error-summary")).getText())
				.isEqualTo("入力内容に誤りがあります\n新しいメールアドレスを入力してください\n理由を入力してください");
			assertFields(driver, true, false);
			Axe.check(driver);
			browser.screenshot("helpdesk-email-errors-desktop");
		}
	}

	@Test
	void a_caller_is_found_in_the_full_list_and_their_survey_status_and_receipt_number_are_on_the_detail()
			throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson caller = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, caller.kigo(), caller.bango(), "01", false, "妻",
						RelationshipCategory.SPOUSE, "御室 花子", "オムロ ハナコ", LocalDate.of(1982, 5, 1),
						RosterPerson.Gender.FEMALE, null, null, null, true, null, true)));
		RosterPerson other = fixtures.insured(tenant, null);
		long campaign = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaign);
		jdbc.sql("update survey_form set status = 'SUBMITTED', receipt_number = '2026-0001-0000042', submitted_at = ?"
				+ " where campaign_id = ?")
			.params(Timestamp.from(Instant.parse("2026-08-03T01:15:00Z")), campaign)
			.update();
		String adminId = "hds-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(adminId, "窓口 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			browser.click(driver.findElement(By.linkText("名簿の検索")));
			assertThat(browser.heading()).isEqualTo("名簿の検索");
			// Nothing typed: everyone, counted, with their household's survey status.
			assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("2件");
			String results = driver.findElement(By.id("results")).getText();
			assertThat(results).contains("01-" + caller.bango() + " 御室 太郎").contains("提出済み").contains("対象外");
			assertThat(driver.findElement(By.id("content")).getText()).contains("「調査票」の列は「2026年度 被扶養者資格調査」の状況です。");
			Axe.check(driver);
			browser.screenshot("helpdesk-search-all-desktop");

			browser.click(driver.findElement(By.linkText("01-" + caller.bango())));
			String forms = driver.findElement(By.id("survey-forms")).getText();
			assertThat(forms).contains("2026年度 被扶養者資格調査")
				.contains("提出済み")
				.contains("2026/08/03 10:15")
				.contains("2026-0001-0000042");
			Axe.check(driver);
			browser.screenshot("helpdesk-person-survey-desktop");

			driver.get(url("/admin/roster/people/" + other.id()));
			assertThat(driver.findElement(By.id("survey-forms-none")).getText()).contains("この世帯の調査票はありません");

			driver.get(url("/admin/roster/imports"));
			assertThat(driver.findElement(By.linkText("見本ファイル（CSV）をダウンロード")).getAttribute("href"))
				.endsWith("/admin/roster/imports/sample.csv");
			browser.click(driver.findElement(By.linkText("名簿CSVの形式")));
			assertThat(browser.heading()).isEqualTo("名簿CSVの形式");
			assertThat(driver.findElement(By.id("columns")).getText()).contains("生年月日").contains("S55.04.01");
			assertThat(driver.findElement(By.id("sample-download")).getAttribute("href"))
				.endsWith("/admin/roster/imports/sample.csv");
			Axe.check(driver);
			browser.screenshot("roster-format-desktop");
		}
	}

	private void openAction(Browser browser, long personId, String action) {
		browser.driver().get(url("/admin/roster/people/" + personId));
		browser.click(browser.driver().findElement(By.linkText(action)));
		assertThat(browser.heading()).isEqualTo(action);
	}

	/**
	 * The form shows the reason always, the new address only to change it, the tick only
	 * to reset.
	 */
	private static void assertFields(WebDriver driver, boolean email, boolean confirm) {
		WebElement form = driver.findElement(By.cssSelector("#content form"));
		assertThat(form.findElements(By.id("reason"))).hasSize(1);
		assertThat(form.findElements(By.name("email"))).as("email field").hasSize(email ? 1 : 0);
		assertThat(form.getText().contains("新しいメールアドレス")).as("email label").isEqualTo(email);
		assertThat(form.findElements(By.name("confirm"))).as("confirmation tick").hasSize(confirm ? 1 : 0);
	}

	private void lock(Registration member) throws Exception {
		clock.setInstant(clock.instant());
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 10; i++) {
			client.login(member.userId(), "Wrong#pass" + i);
			clock.advance(Duration.ofMinutes(1));
		}
		assertThat(memberAccounts.status(member.tenant().id(), member.person().id()).state())
			.isEqualTo(RegistrationStatus.State.LOCKED);
	}

	@Test
	void an_operator_opens_the_terms_versions() throws Exception {
		String operatorId = "hdo-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(operatorId, "規約 運用者", StaffRole.OPERATOR, null, PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), operatorId, PASSWORD, clock);
			browser.click(driver.findElement(By.linkText("利用規約の版")));
			waitForHeading(driver, "利用規約の版");
			assertThat(driver.findElement(By.id("versions")).getText()).contains("現在の版");
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("第1版")));
			Axe.check(driver);
			driver.get(url("/admin/terms/new"));
			driver.findElement(By.id("title")).clear();
			browser.submit();
			waitForHeading(driver, "新しい版を公開する");
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("表題を入力してください");
			Axe.check(driver);
		}
	}

	private static void waitForHeading(WebDriver driver, String heading) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
			.withMessage(() -> "heading " + heading + " on " + driver.getCurrentUrl())
			.until(d -> d.findElement(By.tagName("h1")).getText().equals(heading));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
