package jp.kennin.subsidy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reviewer decides influenza subsidy claims from the menu: filters the queue to 送信済,
 * opens a claim, zooms and turns the receipt photo, ticks the five receipt items and
 * approves; returns another claim with a template reason. Every page is checked with axe.
 */
@KenninIntegrationTest
class ClaimReviewBrowserTests {

	static final String PASSWORD = "Claim-review-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Subsidies subsidies;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_reviewer_approves_one_claim_after_the_checklist_and_returns_another() {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		Tenant tenant = TestTenants.create(tenants, "補助金審査画面健保");
		subsidies.saveRules(new StaffActor("setup", StaffActor.TENANT_ADMIN, tenant.id()),
				SubsidyRules.suggested(2026));
		SubsidyClaimFixture fixture = new SubsidyClaimFixture(jdbc, documents, clock, tenant.id());
		fixture.person("00", true, "審査　一郎", LocalDate.of(1980, 7, 7));
		long child = fixture.person("01", false, "審査　葵", LocalDate.of(2017, 9, 9));
		long approved = fixture.claim(child, "000101", 1, LocalDate.of(2026, 10, 20), 3_500, 0, 2_000);
		fixture.receipt(approved, "領収書.jpg", TestFiles.jpeg(TestFiles.photo(800, 600, 11, 20), 0.85f));
		long returned = fixture.claim(child, "000102", 2, LocalDate.of(2026, 11, 10), 3_500, 0, 0);
		fixture.receipt(returned, "領収書2.jpg", TestFiles.jpeg(TestFiles.photo(640, 480, 12, 20), 0.85f));
		String reviewerId = "crv-" + tenant.code();
		accounts.create(reviewerId, "審査 秋子", StaffRole.REVIEWER, tenant.id(), PASSWORD);

		try (Browser reviewer = Browser.open(Browser.DESKTOP)) {
			reviewer.staffFirstLogin("http://localhost:" + port, reviewerId, PASSWORD, clock);
			WebDriver driver = reviewer.driver();
			reviewer.click(driver.findElement(By.linkText("インフルエンザ補助金の申請の審査")));
			new Select(driver.findElement(By.id("status"))).selectByValue("SUBMITTED");
			reviewer.click(driver.findElement(By.id("filter-apply")));
			assertThat(driver.findElement(By.id("claim-queue")).getText()).contains("IF2026-000101", "IF2026-000102",
					"審査　葵");
			reviewer.checkPage("subsidy-claim-queue");

			reviewer.click(driver.findElement(By.id("open-" + approved)));
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("処理中");
			WebElement viewer = driver.findElement(By.id("document-viewer"));
			String before = driver.findElement(By.id("viewer-status")).getText();
			driver.findElement(By.id("viewer-zoom-in")).click();
			new WebDriverWait(driver, Duration.ofSeconds(5))
				.until(d -> !d.findElement(By.id("viewer-status")).getText().equals(before));
			driver.findElement(By.id("viewer-rotate")).click();
			new WebDriverWait(driver, Duration.ofSeconds(5))
				.until(d -> viewer.getAttribute("class").contains("document-viewer--rotate-90"));
			reviewer.checkPage("subsidy-claim-review");

			// Four of five items: refused next to the checklist, nothing decided.
			for (String item : new String[] { "SHOT_DATE", "NAME", "AMOUNT", "CLINIC" }) {
				driver.findElement(By.id("check-" + item)).click();
			}
			reviewer.click(driver.findElement(By.id("approve-button")));
			assertThat(driver.findElement(By.id("approve-error")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("処理中");
			for (String item : new String[] { "SHOT_DATE", "NAME", "AMOUNT", "CLINIC", "WORDING" }) {
				WebElement box = driver.findElement(By.id("check-" + item));
				if (!box.isSelected()) {
					box.click();
				}
			}
			reviewer.click(driver.findElement(By.id("approve-button")));
			assertThat(driver.findElement(By.id("claim-done")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("支給決定");

			driver.get("http://localhost:" + port + "/admin/subsidy/claims/" + returned);
			Browser.awaitLoaded(driver);
			driver.findElement(By.id("reason-NAME_UNREADABLE")).click();
			reviewer.type("return-text", "氏名が写るように撮り直してください。");
			reviewer.click(driver.findElement(By.id("return-button")));
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("差し戻し");
			assertThat(driver.findElement(By.id("claim-reason")).getText()).contains("撮り直してください");
			reviewer.checkPage("subsidy-claim-returned");
		}
		assertThat(
				jdbc.sql("select status from subsidy_claim where id = ?").param(approved).query(String.class).single())
			.isEqualTo("APPROVED");
	}

}
