package jp.kennin.home;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor opens the top page and an unknown page, on a desktop and on a phone.
 */
@KenninIntegrationTest
class HomePageBrowserTests {

	@Value("${local.server.port}")
	int port;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "desktop", "phone" })
	void visitor_sees_the_top_page_and_a_friendly_error_page(String device) {
		Dimension size = device.equals("phone") ? Browser.PHONE : Browser.DESKTOP;
		try (Browser browser = Browser.open(size)) {
			WebDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("被扶養者資格調査 Webサービス");
			assertThat(driver.findElement(By.linkText("ユーザーIDの作成がまだの方はこちら")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.linkText("利用規約")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.linkText("推奨ブラウザについて")).isDisplayed()).isTrue();
			assertNoHorizontalScroll(driver);
			Axe.check(driver);
			browser.screenshot("home-" + device);

			browser.click(driver.findElement(By.linkText("推奨ブラウザについて")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("推奨ブラウザについて");
			Axe.check(driver);

			driver.get("http://localhost:" + port + "/notices/99999999");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ページが見つかりません");
			assertThat(driver.getPageSource()).doesNotContain("Exception");
			assertNoHorizontalScroll(driver);
			Axe.check(driver);
			browser.screenshot("error-404-" + device);

			browser.click(driver.findElement(By.linkText("English")));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		}
	}

	private static void assertNoHorizontalScroll(WebDriver driver) {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
