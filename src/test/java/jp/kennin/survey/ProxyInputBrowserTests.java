package jp.kennin.survey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.document.internal.TestFiles;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff proxy input on a desktop: a reviewer opens a paper answer's household from the
 * campaign's form list, chooses 紙, answers the member's question page, uploads the scan,
 * checks and submits on the member's behalf; the staff form then shows the proxy
 * submission. Every page passes axe.
 */
@KenninIntegrationTest
class ProxyInputBrowserTests {

	static final String PASSWORD = "Proxy-browser-2026!";

	@Value("${local.server.port}")
	int port;

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

	@TempDir
	Path temp;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void reviewer_enters_a_paper_answer_uploads_the_scan_and_submits_it_for_the_member() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "代行画面健保");
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "8", "b1", "00", true, "本人", RelationshipCategory.SELF, "窓口 一郎", "マドグチ イチロウ",
						LocalDate.of(1970, 1, 1), Gender.MALE, null, "100", "本社", null, null, true),
				new RosterPerson(0, 0, "8", "b1", "01", false, "妻", RelationshipCategory.SPOUSE, "窓口 春子", "マドグチ ハルコ",
						LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		clock.setInstant(draft.opensAt().plus(Duration.ofHours(1)));
		String login = "px-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(login, "代行 担当", StaffRole.REVIEWER, tenant.id(), PASSWORD);
		Path scan = temp.resolve("申出書.pdf");
		Files.write(scan, TestFiles.pdf(1));

		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), login, PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + campaignId + "/forms"));
			browser.click(driver.findElement(By.cssSelector("a.proxy-link")));
			assertThat(browser.heading()).isEqualTo("代行入力（記号 8・番号 b1）");
			browser.checkPage("proxy-start");
			choose(driver, "channel", "PAPER");
			browser.click(driver.findElement(By.cssSelector("#proxy-start button")));
			assertThat(driver.findElement(By.id("proxy-channel")).getText()).isEqualTo("紙");

			browser.click(driver.findElement(By.linkText("窓口 春子さん（妻）の回答を入力する")));
			assertThat(driver.findElement(By.id("content")).getText()).contains("代行入力（紙）");
			browser.checkPage("proxy-step");
			choose(driver, "continuation", "REMOVE");
			browser.type("removalYear", "2026");
			browser.type("removalMonth", "8");
			browser.type("removalDay", "1");
			choose(driver, "removalReason", "EMPLOYED");
			// Saved in the background a moment after typing stops, as on the member's
			// pages: the page says so and the answer is stored before any button is
			// pressed.
			WebElement saved = driver.findElement(By.cssSelector("[data-autosave-status]"));
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> saved.isDisplayed());
			assertThat(saved.getText()).isEqualTo("入力内容を自動保存しました。");
			assertThat(jdbc.sql("""
					select a.continuation from survey_answer a join survey_form_dependent d on d.id = a.dependent_id
					where d.survey_form_id = ?""").param(formId).query(String.class).single()).isEqualTo("REMOVE");
			browser.click(driver.findElement(By.cssSelector("#content form button[type=submit]")));

			assertThat(browser.heading()).isEqualTo("窓口 春子さん（妻）の回答内容");
			driver.findElement(By.id("proxy-file")).sendKeys(scan.toAbsolutePath().toString());
			browser.click(driver.findElement(By.cssSelector("#proxy-upload button")));
			assertThat(driver.findElement(By.id("proxy-files")).getText()).contains("申出書.pdf");
			browser.checkPage("proxy-section");
			// A scan over the server's limit comes back with the size message, not an
			// error page.
			Path big = temp.resolve("大きい.jpg");
			Files.write(big, new byte[13 * 1024 * 1024]);
			driver.findElement(By.id("proxy-file")).sendKeys(big.toAbsolutePath().toString());
			browser.click(driver.findElement(By.cssSelector("#proxy-upload button")));
			assertThat(driver.findElement(By.className("error-summary")).getText()).contains("ファイルサイズは10MB以下にしてください");
			driver.findElement(By.cssSelector("label[for=completed-yes]")).click();
			browser.click(driver.findElement(By.xpath("//button[text()='続ける']")));

			browser.click(driver.findElement(By.linkText("確認して代行で提出する")));
			browser.checkPage("proxy-check");
			browser.click(driver.findElement(By.xpath("//button[text()='代行で提出する']")));
			assertThat(driver.findElement(By.id("proxy-submitted")).getText()).contains("会員に代わって提出しました");
			assertThat(driver.findElement(By.id("content")).getText()).contains("代行入力（紙）");
			browser.checkPage("proxy-submitted");
			driver.get(url("/admin/proxy/" + formId));
			assertThat(driver.findElement(By.id("proxy-refused")).getText()).contains("提出済み");

			driver.get(url("/admin/survey-forms/" + formId));
			assertThat(driver.findElement(By.id("history-heading")).findElement(By.xpath("..")).getText())
				.contains("代行入力で提出（代行入力（紙）");
		}
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("SUBMITTED");
	}

	/** Picks a radio button by its value, through its label as a person would. */
	private static void choose(WebDriver driver, String name, String value) {
		WebElement radio = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
		driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
