package jp.kennin.roster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With JavaScript a roster file over {@code kennin.roster.max-upload-size} (1 MB here,
 * the same context as {@link RosterImportLimitIntegrationTests}) is stopped before it is
 * sent, and the next, smaller file still goes through (the refused submit must not trip
 * the double-submit guard).
 */
@KenninIntegrationTest
@TestPropertySource(properties = "kennin.roster.max-upload-size=1MB")
class RosterImportLimitBrowserTests {

	static final String PASSWORD = "Browser-limit-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	MutableClock clock;

	@Test
	void a_file_over_the_limit_is_stopped_in_the_browser_and_a_smaller_one_still_goes() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "画面上限健保");
		String adminId = "blim-" + tenant.code();
		accounts.create(adminId, "上限 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		Path big = Files.write(Files.createTempFile("roster-big", ".csv"),
				RosterImportPageIntegrationTests.largeRoster(1_500));
		Path small = Files.write(Files.createTempFile("roster-small", ".csv"),
				RosterCsv.create().insured("01", "s1", "小さ 一", "チイサ イチ", "1980/01/01").utf8());
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin("http://localhost:" + port, adminId, PASSWORD, clock);
			driver.get("http://localhost:" + port + "/admin/roster/imports");
			assertThat(driver.findElement(By.id("file-hint")).getText()).contains("1MBまで");
			driver.findElement(By.cssSelector("label[for=mode-delta]")).click();
			WebElement file = driver.findElement(By.id("file"));
			file.sendKeys(big.toString());
			driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();

			WebElement error = new WebDriverWait(driver, Duration.ofSeconds(5))
				.until(d -> d.findElement(By.id("file-js-error")).isDisplayed() ? d.findElement(By.id("file-js-error"))
						: null);
			assertThat(error.getText())
				.isEqualTo("ファイルが大きすぎます。1MB以下のファイルを選んでください。" + "それより大きい名簿はコマンドラインまたはAPIで取り込んでください。");
			assertThat(file.getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(file.getAttribute("aria-describedby")).contains("file-js-error");
			assertThat(driver.getCurrentUrl()).endsWith("/admin/roster/imports");
			Axe.check(driver);
			browser.screenshot("roster-upload-too-large");

			file.sendKeys(small.toString());
			browser.submit();
			new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
				.until(d -> d.findElement(By.tagName("h1")).getText().equals("内容を確認しました"));
			assertThat(driver.findElement(By.id("counts")).getText()).contains("追加\n1");
		}
	}

}
