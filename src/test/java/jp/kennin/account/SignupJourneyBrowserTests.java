package jp.kennin.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's journey on a phone: sign up with half-width kana and full-width digits, read the code from
 * the captured mail, confirm, log in, accept the terms, and be greeted by name.
 */
@KenninIntegrationTest
class SignupJourneyBrowserTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void a_member_signs_up_and_reaches_the_home_page_on_a_phone() {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		String userId = AccountFixtures.uniqueUserId();
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			check(browser, "login");
			click(driver, driver.findElement(By.linkText("ユーザーIDの作成がまだの方はこちら")));

			assertThat(heading(driver)).isEqualTo("ユーザー登録（初回認証）");
			check(browser, "signup");
			type(driver, "tenantCode", tenant.code().toUpperCase());
			type(driver, "kigo", "０１");
			type(driver, "bango", person.bango().replace("t", "ｔ"));
			type(driver, "birthYear", "１９８０");
			type(driver, "birthMonth", "４");
			type(driver, "birthDay", "１");
			type(driver, "kanaName", "ｵﾑﾛ ﾀﾛｳ");
			submit(driver);

			assertThat(heading(driver)).isEqualTo("ユーザーIDとパスワードの設定");
			assertThat(driver.getPageSource()).contains("御室 太郎").contains(email);
			check(browser, "signup-account");
			type(driver, "userId", userId);
			type(driver, "password", "short");
			WebElement toggle = driver.findElement(By.cssSelector("[data-password-toggle=password]"));
			toggle.click();
			assertThat(driver.findElement(By.id("password")).getAttribute("type")).isEqualTo("text");
			submit(driver);
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("8文字以上");
			assertThat(driver.findElement(By.id("userId")).getAttribute("value")).isEqualTo(userId);
			check(browser, "signup-account-errors");
			type(driver, "password", Registration.PASSWORD);
			submit(driver);

			assertThat(heading(driver)).isEqualTo("メールを確認してください");
			check(browser, "signup-code");
			String code = readCodeFromDevMailbox(browser, email);
			driver.get(url("/signup/code"));
			type(driver, "code", code);
			submit(driver);

			assertThat(heading(driver)).isEqualTo("登録が完了しました");
			check(browser, "signup-done");
			click(driver, driver.findElement(By.linkText("OK")));

			assertThat(heading(driver)).isEqualTo("ログイン");
			type(driver, "userId", userId);
			type(driver, "password", Registration.PASSWORD);
			submit(driver);

			assertThat(heading(driver)).isEqualTo("利用規約");
			check(browser, "terms-consent");
			driver.findElement(By.id("agree")).click();
			submit(driver);

			assertThat(heading(driver)).isEqualTo("御室 太郎さん、こんにちは");
			assertThat(driver.getPageSource()).contains("今回が初めてのログインです").contains("準備中");
			assertThat(driver.findElement(By.cssSelector(".utility-links button")).getText()).isEqualTo("ログアウト");
			check(browser, "home");

			click(driver, driver.findElement(By.linkText("マイページ")));
			assertThat(heading(driver)).isEqualTo("マイページ");
			check(browser, "mypage");
		}
	}

	private String readCodeFromDevMailbox(Browser browser, String email) {
		WebDriver driver = browser.driver();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
			driver.get(url("/dev/mail"));
			return driver.getPageSource().contains(email);
		});
		WebElement row = driver.findElement(By.xpath("//tr[td[contains(., '" + email + "')]]"));
		click(driver, row.findElement(By.tagName("a")));
		Matcher m = Pattern.compile("認証コード：(\\d{6})").matcher(driver.findElement(By.tagName("main")).getText());
		assertThat(m.find()).as("code in the captured mail").isTrue();
		return m.group(1);
	}

	private void check(Browser browser, String name) {
		WebDriver driver = browser.driver();
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + name).isLessThanOrEqualTo(0);
		Axe.check(driver);
		browser.screenshot("account-" + name + "-phone");
	}

	private static String heading(WebDriver driver) {
		return driver.findElement(By.tagName("h1")).getText();
	}

	private static void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void submit(WebDriver driver) {
		click(driver, driver.findElement(By.cssSelector("#content form button[type=submit]")));
	}

	/** Clicks and waits for the next page, so no assertion reads the old one. */
	private static void click(WebDriver driver, WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
