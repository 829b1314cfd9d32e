package jp.kennin.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterCsv;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator sets up an insurer; its administrator imports the roster through the page
 * (checking the file first, then applying it). Every page is checked with axe.
 */
@KenninIntegrationTest
class AdministrationBrowserTests {

	static final String PASSWORD = "Browser-password-2026!";

	private static final Pattern SECRET = Pattern.compile("[A-Z2-7 ]{20,}");

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	MutableClock clock;

	@Test
	void operator_creates_a_tenant_and_its_admin_imports_the_roster() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		String operatorId = "bop-" + suffix;
		accounts.create(operatorId, "ブラウザ 運用者", StaffRole.OPERATOR, null, PASSWORD);
		String code = "kb" + suffix;
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			login(driver, operatorId);
			browser.click(driver.findElement(By.linkText("保険者の管理")));
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("保険者を追加する")));
			Axe.check(driver);
			browser.click(driver.findElement(By.cssSelector("button[type=submit].button--primary")));
			waitForHeading(driver, "保険者の追加");
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("名称を入力してください");
			Axe.check(driver);
			driver.findElement(By.id("code")).sendKeys(code);
			driver.findElement(By.id("name")).sendKeys("ブラウザ健康保険組合");
			driver.findElement(By.id("mailFromAddress")).sendKeys("info@" + code + ".example");
			driver.findElement(By.id("mailFromName")).sendKeys("ブラウザ健保");
			driver.findElement(By.id("supportPhone")).sendKeys("03-1234-5678");
			browser.click(driver.findElement(By.cssSelector("button[type=submit].button--primary")));
			waitForHeading(driver, "保険者の設定");
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("保存しました");
			assertThat(driver.findElement(By.id("code")).getText()).isEqualTo(code);
			Axe.check(driver);
			browser.screenshot("admin-tenant-saved");
		}
		Tenant tenant = tenants.findByCode(code).orElseThrow();
		String adminId = "badm-" + suffix;
		accounts.create(adminId, "ブラウザ 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		Path file = Files.createTempFile("roster", ".csv");
		Files.write(file,
				RosterCsv.create()
					.insured("01", "b1", "画面 太郎", "ガメン タロウ", "S55.04.01")
					.family("01", "b1", "01", "妻", "画面 花子", "ガメン ハナコ", "1982/07/15")
					.insured("01", "b2", "画面 次郎", "ｶﾞﾒﾝ ｼﾞﾛｳ", "1990-01-02")
					.windows31j());
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			login(driver, adminId);
			browser.click(driver.findElement(By.linkText("名簿の取り込み")));
			Axe.check(driver);
			browser.click(driver.findElement(By.cssSelector("form[enctype] button[type=submit]")));
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("取り込み方法を選んでください")
				.contains("名簿ファイルを選んでください");
			Axe.check(driver);
			driver.findElement(By.cssSelector("label[for=mode]")).click();
			driver.findElement(By.id("file")).sendKeys(file.toString());
			browser.click(driver.findElement(By.cssSelector("form[enctype] button[type=submit]")));
			waitForHeading(driver, "内容を確認しました");
			assertThat(driver.findElement(By.id("counts")).getText()).contains("追加\n3");
			Axe.check(driver);
			browser.screenshot("admin-import-preview");
			assertThat(roster.findInsured(tenant.id(), "01", "b1")).isEmpty();
			browser.click(driver.findElement(By.xpath("//button[text()='名簿に反映する']")));
			waitForHeading(driver, "名簿に反映しました");
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("名簿の取り込みへ戻る")));
			assertThat(driver.findElement(By.className("table")).getText()).contains("反映済み");
			driver.get(url("/admin/roster?name=ガメン"));
			assertThat(driver.findElement(By.id("results")).getText()).contains("画面 太郎").contains("画面 次郎");
			Axe.check(driver);
			browser.click(driver.findElement(By.linkText("01-b1")));
			assertThat(driver.findElement(By.id("household")).getText()).contains("画面 花子");
			assertThat(driver.findElement(By.id("events")).getText()).contains("名簿の閲覧")
				.doesNotContain("ROSTER_PERSON_VIEWED");
			Axe.check(driver);
			browser.screenshot("admin-roster-person-phone");
		}
		assertThat(roster.household(tenant.id(), "01", "b1")).hasSize(2);

		// A member of the imported roster can now sign up (typing as members do:
		// half-width kana, full-width digits).
		String userId = "member" + suffix;
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/signup"));
			browser.type("tenantCode", code.toUpperCase());
			browser.type("kigo", "０１");
			browser.type("bango", "b2");
			browser.type("birthYear", "１９９０");
			browser.type("birthMonth", "1");
			browser.type("birthDay", "2");
			browser.type("kanaName", "ｶﾞﾒﾝ ｼﾞﾛｳ");
			browser.submit();
			assertThat(browser.heading()).isEqualTo("ユーザーIDとパスワードの設定");
			assertThat(driver.getPageSource()).contains("画面 次郎").contains("ブラウザ健康保険組合");
			browser.type("userId", userId);
			browser.type("password", jp.kennin.account.Registration.PASSWORD);
			browser.submit();
			assertThat(browser.heading()).isEqualTo("メールを確認してください");
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
				driver.get(url("/dev/mail"));
				return driver.getPageSource().contains("b2@example.jp");
			});
			browser.click(driver.findElement(By.xpath("//tr[td[contains(., 'b2@example.jp')]]//a")));
			Matcher code6 = Pattern.compile("認証コード：(\\d{6})").matcher(driver.findElement(By.tagName("main")).getText());
			assertThat(code6.find()).isTrue();
			driver.get(url("/signup/code"));
			browser.type("code", code6.group(1));
			browser.submit();
			assertThat(browser.heading()).isEqualTo("登録が完了しました");
			browser.checkPage("admin-imported-member-signed-up");
		}
	}

	private void login(WebDriver driver, String loginId) {
		driver.get(url("/admin/login"));
		Axe.check(driver);
		driver.findElement(By.id("loginId")).sendKeys(loginId);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.cssSelector("#content button[type=submit]")).click();
		waitForHeading(driver, "認証アプリの設定");
		assertThat(driver.findElement(By.className("staff-qr")).getAttribute("src"))
			.startsWith("data:image/png;base64,");
		Axe.check(driver);
		Matcher m = SECRET.matcher(driver.findElement(By.id("secret")).getText());
		assertThat(m.find()).isTrue();
		driver.findElement(By.id("code")).sendKeys(StaffTestLogin.code(m.group().replace(" ", ""), clock));
		driver.findElement(By.cssSelector("#content form button[type=submit]")).click();
		waitForHeading(driver, "リカバリーコードを保管してください");
		Axe.check(driver);
		driver.findElement(By.linkText("管理画面へ進む")).click();
		waitForHeading(driver, "管理画面");
		Axe.check(driver);
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
