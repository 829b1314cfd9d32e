package jp.kennin.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's journey on a phone: sign up with half-width kana and full-width digits (and
 * a full-width user ID), read the code from the captured mail, confirm, see the user ID
 * on the done page, log in with it filled in, accept the terms, and be greeted by name.
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
			browser.checkPage("account-login-phone");
			browser.click(driver.findElement(By.linkText("ユーザーIDの作成がまだの方はこちら")));

			assertThat(browser.heading()).isEqualTo("ユーザー登録（初回認証）");
			browser.checkPage("account-signup-phone");
			browser.type("tenantCode", tenant.code().toUpperCase());
			browser.type("kigo", "０１");
			browser.type("bango", person.bango().replace("t", "ｔ"));
			browser.type("birthYear", "１９８０");
			browser.type("birthMonth", "４");
			browser.type("birthDay", "１");
			browser.type("kanaName", "ｵﾑﾛ ﾀﾛｳ");
			browser.submit();

			assertThat(browser.heading()).isEqualTo("ユーザーIDとパスワードの設定");
			assertThat(driver.getPageSource()).contains("御室 太郎").contains(email);
			browser.checkPage("account-signup-account-phone");
			browser.type("userId", userId);
			browser.type("password", "short");
			WebElement toggle = driver.findElement(By.cssSelector("[data-password-toggle=password]"));
			toggle.click();
			assertThat(driver.findElement(By.id("password")).getAttribute("type")).isEqualTo("text");
			browser.submit();
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("8文字以上");
			assertThat(driver.findElement(By.id("userId")).getAttribute("value")).isEqualTo(userId);
			browser.checkPage("account-signup-account-errors-phone");
			// A phone's Japanese keyboard in full-width mode: the same user ID, made
			// half-width.
			browser.type("userId", SignupLimitsIntegrationTests.toFullWidth(userId));
			browser.type("password", Registration.PASSWORD);
			browser.submit();

			assertThat(browser.heading()).isEqualTo("メールを確認してください");
			browser.checkPage("account-signup-code-phone");
			String code = readCodeFromDevMailbox(browser, email);
			driver.get(url("/signup/code"));
			browser.type("code", code);
			browser.submit();

			assertThat(browser.heading()).isEqualTo("登録が完了しました");
			assertThat(driver.findElement(By.id("content")).getText()).contains(userId);
			browser.checkPage("account-signup-done-phone");
			browser.click(driver.findElement(By.linkText("OK")));

			assertThat(browser.heading()).isEqualTo("ログイン");
			assertThat(driver.findElement(By.id("userId")).getAttribute("value")).as("user ID filled in")
				.isEqualTo(userId);
			browser.type("password", Registration.PASSWORD);
			browser.submit();

			assertThat(browser.heading()).isEqualTo("利用規約");
			browser.checkPage("account-terms-consent-phone");
			driver.findElement(By.id("agree")).click();
			browser.submit();

			assertThat(browser.heading()).isEqualTo("御室 太郎さん、こんにちは");
			assertThat(driver.getPageSource()).contains("今回が初めてのログインです").contains("準備中");
			assertThat(driver.findElement(By.cssSelector(".utility-links button")).getText()).isEqualTo("ログアウト");
			browser.checkPage("account-home-phone");

			browser.click(driver.findElement(By.linkText("マイページ")));
			assertThat(browser.heading()).isEqualTo("マイページ");
			browser.checkPage("account-mypage-phone");
		}
	}

	private String readCodeFromDevMailbox(Browser browser, String email) {
		WebDriver driver = browser.driver();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
			driver.get(url("/dev/mail"));
			return driver.getPageSource().contains(email);
		});
		WebElement row = driver.findElement(By.xpath("//tr[td[contains(., '" + email + "')]]"));
		browser.click(row.findElement(By.tagName("a")));
		Matcher m = Pattern.compile("認証コード：(\\d{6})").matcher(driver.findElement(By.tagName("main")).getText());
		assertThat(m.find()).as("code in the captured mail").isTrue();
		return m.group(1);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
