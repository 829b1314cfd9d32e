package jp.kennin.account;

import java.time.Duration;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages the journey test does not pass, on a desktop and at 320 px, with their error states:
 * each must pass axe and fit the screen.
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
			submit(driver);
			check(browser, "forgot-password-errors");
			type(driver, "userId", member.userId());
			type(driver, "email", member.email());
			submit(driver);
			assertThat(heading(driver)).isEqualTo("受け付けました");
			check(browser, "recovery-requested");

			visit(browser, "/forgot-user-id", "forgot-user-id");
			type(driver, "birthYear", "1980");
			type(driver, "birthMonth", "13");
			type(driver, "birthDay", "1");
			submit(driver);
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("実在する日付");
			check(browser, "forgot-user-id-errors");

			visit(browser, "/reset-password?token=nonsense", "reset-invalid");
			assertThat(heading(driver)).isEqualTo("このURLは使用できません");
			Matcher link = RecoveryIntegrationTests.LINK.matcher(fixtures.lastMailTo(member.email()).body());
			assertThat(link.find()).isTrue();
			visit(browser, "/reset-password?token=" + link.group(1), "reset-password");
			type(driver, "password", "abc");
			submit(driver);
			check(browser, "reset-password-errors");

			visit(browser, "/login", "login-again");
			type(driver, "userId", member.userId());
			type(driver, "password", "Wrong#pass1");
			submit(driver);
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
				.contains("ユーザーIDまたはパスワードが正しくありません");
			check(browser, "login-error");
			type(driver, "password", member.password());
			submit(driver);
			driver.findElement(By.id("agree")).click();
			submit(driver);
			assertThat(heading(driver)).contains("さん、こんにちは");
			check(browser, "home-320");

			visit(browser, "/mypage/email", "mypage-email");
			type(driver, "email", "new@example.jp");
			type(driver, "emailConfirm", "other@example.jp");
			submit(driver);
			check(browser, "mypage-email-errors");
			visit(browser, "/mypage/password", "mypage-password");
			submit(driver);
			check(browser, "mypage-password-errors");

			visit(browser, "/signup/registered", "signup-registered");
			visit(browser, "/home?lang=en", "home-english");
			assertThat(heading(driver)).startsWith("Hello, ");
		}
	}

	private void visit(Browser browser, String path, String name) {
		browser.driver().get("http://localhost:" + port + path);
		check(browser, name);
	}

	private static void check(Browser browser, String name) {
		WebDriver driver = browser.driver();
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + name).isLessThanOrEqualTo(0);
		Axe.check(driver);
		browser.screenshot("account-" + name + "-320");
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
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(By.cssSelector("#content form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

}
