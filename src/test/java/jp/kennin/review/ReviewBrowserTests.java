package jp.kennin.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.roster.Roster;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review on a desktop: a reviewer finds the submitted form in the queue, starts the
 * review and returns it with a reason; the member resubmits (through the survey pages);
 * the queue marks it 再提出; the reviewer decides 継続 for one dependent and proposes 削除 for
 * the other; an administrator approves the removal and completes the check. Every page
 * passes axe.
 */
@KenninIntegrationTest
class ReviewBrowserTests {

	static final String PASSWORD = "Review-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Documents documents;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void reviewer_returns_then_decides_and_an_administrator_approves_the_removal_and_completes() throws Exception {
		ReviewFixture f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		long childPerson = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(f.childId)
			.query(Long.class)
			.single();
		long certificate = documents
			.store(new DocumentOwner(f.tenant.id(), "9", f.bango), childPerson, "OTHER", "在学証明書.pdf", TestFiles.pdf(1))
			.id();
		f.submit();
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create("rv-" + suffix, "審査 担当", StaffRole.REVIEWER, f.tenant.id(), PASSWORD);
		accounts.create("ad-" + suffix, "審査 管理者", StaffRole.TENANT_ADMIN, f.tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), "rv-" + suffix, PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + f.campaignId));
			browser.click(driver.findElement(By.linkText("審査")));
			assertThat(driver.findElement(By.tagName("table")).getText()).contains("審査 太郎");
			browser.checkPage("review-queue");
			browser.click(driver.findElement(By.cssSelector("button[aria-label='9-" + f.bango + " の審査を始める']")));
			assertThat(browser.heading()).isEqualTo("審査：9-" + f.bango);
			assertThat(driver.findElement(By.className("notification-banner")).getText()).isEqualTo("審査を始めました。");
			browser.checkPage("review-screen");

			// 不備 on the certificate, with a reason from the insurer's templates.
			driver.findElement(By.id("deficient-open-" + certificate)).click();
			new Select(driver.findElement(By.id("document-reason-" + certificate))).selectByVisibleText("書類が不鮮明");
			browser.click(driver.findElement(By.id("deficient-document-" + certificate)));
			assertThat(driver.findElement(By.className("notification-banner")).getText()).isEqualTo("書類の確認結果を記録しました。");
			assertThat(driver.findElement(By.id("document-state-" + certificate)).getText()).isEqualTo("不備：書類が不鮮明");
			assertThat(driver.findElement(By.id("return-document-" + certificate)).isSelected()).isTrue();
			browser.checkPage("review-document-deficient");

			browser.type("return-message", "在学証明書の画像が不鮮明です。撮り直してアップロードしてください。");
			browser.type("return-reason-" + f.childId, "在学証明書が不鮮明");
			browser.click(driver.findElement(By.id("return")));
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("調査票を差し戻しました。");
			assertThat(f.formStatus()).isEqualTo("RETURNED");

			f.resubmit();
			driver.get(url("/admin/campaigns/" + f.campaignId + "/review?tab=RESUBMITTED"));
			assertThat(driver.findElement(By.tagName("table")).getText()).contains("審査 太郎", "再提出");
			browser.click(driver.findElement(By.cssSelector("button[aria-label='9-" + f.bango + " の審査を始める']")));

			driver.findElement(By.id("decision-" + f.spouseId + "-CONTINUE")).click();
			browser.click(driver.findElement(By.id("save-decision-" + f.spouseId)));
			driver.findElement(By.id("decision-" + f.childId + "-REMOVE")).click();
			((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
					"loss-" + f.childId, "2026-04-01");
			new Select(driver.findElement(By.id("reason-sel-" + f.childId))).selectByVisibleText("就職");
			browser.click(driver.findElement(By.id("save-decision-" + f.childId)));
			assertThat(driver.findElement(By.id("decision-" + f.childId)).getText()).contains("削除", "承認待ち");
			browser.click(driver.findElement(By.id("complete")));
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("承認");
			browser.checkPage("review-decided");
		}
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), "ad-" + suffix, PASSWORD, clock);
			driver.get(url("/admin/reviews/" + f.formId));
			browser.click(driver.findElement(By.id("approve-" + f.childId)));
			assertThat(driver.findElement(By.id("decision-" + f.childId)).getText()).contains("削除")
				.doesNotContain("承認待ち");
			browser.click(driver.findElement(By.id("complete")));
			assertThat(driver.findElement(By.className("notification-banner")).getText()).isEqualTo("確認を完了しました。");
			assertThat(driver.findElement(By.tagName("dl")).getText()).contains("確認完了");
			browser.checkPage("review-completed");
		}
		assertThat(f.formStatus()).isEqualTo("COMPLETED");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
