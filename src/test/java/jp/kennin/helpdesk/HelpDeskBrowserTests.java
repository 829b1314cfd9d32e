package jp.kennin.helpdesk;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin on a phone finds a registered member by status and resets the account; an operator
 * opens the terms versions. Every page is checked with axe.
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
			driver.findElement(By.linkText("01-" + member.person().bango())).click();
			assertThat(driver.findElement(By.id("account")).getText()).contains("登録済").contains(member.userId());
			Axe.check(driver);
			driver.findElement(By.linkText("アカウントをリセットする")).click();
			waitForHeading(driver, "アカウントをリセットする");
			Axe.check(driver);
			driver.findElement(By.cssSelector("#content form button[type=submit]")).click();
			waitForHeading(driver, "アカウントをリセットする");
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("理由を入力してください")
				.contains("確認のチェックを入れてください");
			Axe.check(driver);
			driver.findElement(By.id("reason")).sendKeys("本人から電話で依頼");
			driver.findElement(By.cssSelector("label[for=confirm]")).click();
			driver.findElement(By.cssSelector("#content form button[type=submit]")).click();
			waitForHeading(driver, member.person().name());
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("アカウントをリセットしました");
			assertThat(driver.findElement(By.id("account")).getText()).contains("未登録");
			assertThat(driver.findElement(By.id("events")).getText()).contains("職員によるアカウントのリセット").doesNotContain("STAFF_ACCOUNT_RESET");
			Axe.check(driver);
			browser.screenshot("helpdesk-reset-done-phone");
		}
	}

	@Test
	void an_operator_opens_the_terms_versions() throws Exception {
		String operatorId = "hdo-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(operatorId, "規約 運用者", StaffRole.OPERATOR, null, PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), operatorId, PASSWORD, clock);
			driver.findElement(By.linkText("利用規約の版")).click();
			waitForHeading(driver, "利用規約の版");
			assertThat(driver.findElement(By.id("versions")).getText()).contains("現在の版");
			Axe.check(driver);
			driver.findElement(By.linkText("第1版")).click();
			Axe.check(driver);
			driver.get(url("/admin/terms/new"));
			driver.findElement(By.id("title")).clear();
			driver.findElement(By.cssSelector("#content form button[type=submit]")).click();
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
