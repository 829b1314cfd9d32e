package jp.kennin.account;

import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages the journey test does not pass, on a desktop and at 320 px, with
 * their error states: each must pass axe and fit the screen.
 */
@KenninIntegrationTest
class AccountPagesBrowserTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void recovery_and_my_page_forms_are_accessible_with_and_without_errors() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		try (Browser browser = Browser.open(new org.openqa.selenium.Dimension(320, 700))) {
			WebDriver driver = browser.driver();
			visit(browser, "/terms", "terms");
			visit(browser, "/forgot-password", "forgot-password");
			browser.submit();
			browser.checkPage("account-forgot-password-errors-320");
			browser.type("userId", member.userId());
			browser.type("email", member.email());
			browser.submit();
			assertThat(browser.heading()).isEqualTo("受け付けました");
			browser.checkPage("account-recovery-requested-320");

			visit(browser, "/forgot-user-id", "forgot-user-id");
			browser.type("birthYear", "1980");
			browser.type("birthMonth", "13");
			browser.type("birthDay", "1");
			browser.submit();
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("実在する日付");
			browser.checkPage("account-forgot-user-id-errors-320");

			visit(browser, "/reset-password?token=nonsense", "reset-invalid");
			assertThat(browser.heading()).isEqualTo("このURLは使用できません");
			Matcher link = RecoveryIntegrationTests.LINK.matcher(fixtures.lastMailTo(member.email()).body());
			assertThat(link.find()).isTrue();
			visit(browser, "/reset-password?token=" + link.group(1), "reset-password");
			browser.type("password", "abc");
			browser.submit();
			browser.checkPage("account-reset-password-errors-320");

			visit(browser, "/login", "login-again");
			browser.type("userId", member.userId());
			browser.type("password", "Wrong#pass1");
			browser.submit();
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
				.contains("ユーザーIDまたはパスワードが正しくありません");
			browser.checkPage("account-login-error-320");
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			assertThat(browser.heading()).contains("さん、こんにちは");
			browser.checkPage("account-home-320-320");

			visit(browser, "/mypage/email", "mypage-email");
			browser.type("email", "new@example.jp");
			browser.type("emailConfirm", "other@example.jp");
			browser.submit();
			browser.checkPage("account-mypage-email-errors-320");
			visit(browser, "/mypage/password", "mypage-password");
			browser.submit();
			browser.checkPage("account-mypage-password-errors-320");

			visit(browser, "/signup/registered", "signup-registered");
			visit(browser, "/home?lang=en", "home-english");
			assertThat(browser.heading()).startsWith("Hello, ");
		}
	}

	private void visit(Browser browser, String path, String name) {
		browser.driver().get("http://localhost:" + port + path);
		browser.checkPage("account-" + name + "-320");
	}

}
