package jp.kennin.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone, a member who picked English walks from the home page through a
 * question with an amount to the check page and reads English dates (Wed, 2 Dec 2026,
 * 23:59), ¥ amounts and "eldest son", no 「150 x 10,000 yen」 and no Japanese date.
 */
@KenninIntegrationTest
class SurveyEnglishBrowserTests {

	private static final String ENGLISH_DEADLINE = "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4}, 23:59";

	private static final String JAPANESE_DATE = "\\d+年\\d+月\\d+日";

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Test
	void an_english_member_reads_english_dates_amounts_and_relationships() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		Tenant tenant = member.tenant();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		int year = today.getYear();
		RosterPerson insured = member.person();
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "02", false, "長男",
						RelationshipCategory.CHILD, "御室 学", "オムロ マナブ", LocalDate.of(year - 20, 3, 15),
						RosterPerson.Gender.MALE, null, null, null, true, null, true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("Dependent survey " + year, today, opens, deadline, false,
						"Please submit by the deadline.",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login?lang=en"));
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			submitChecked(browser);
			driver.findElement(By.id("agree")).click();
			submitChecked(browser);
			assertThat(browser.heading()).isEqualTo("Hello, 御室 太郎");
			String home = driver.findElement(By.id("main")).getText();
			assertThat(home).containsPattern("Deadline: " + ENGLISH_DEADLINE).doesNotContainPattern(JAPANESE_DATE);
			browser.checkPage("english-home");

			browser.click(driver.findElement(By.linkText("Answer the survey")));
			assertThat(browser.heading()).isEqualTo("Dependent survey " + year);
			assertThat(driver.findElement(By.id("main")).getText()).containsPattern(ENGLISH_DEADLINE)
				.doesNotContainPattern(JAPANESE_DATE);
			browser.click(driver.findElement(By.partialLinkText("御室 学 (eldest son)")));
			assertThat(driver.findElement(By.id("main")).getText()).contains("15 Mar " + (year - 20))
				.contains("eldest son")
				.doesNotContain("長男");
			choose(driver, "continuation", "CONTINUE");
			submitChecked(browser);
			choose(driver, "living", "TOGETHER");
			submitChecked(browser);
			choose(driver, "occupations", "STUDENT");
			browser.type("schoolName", "検認大学");
			browser.type("schoolGrade", "2");
			submitChecked(browser);
			browser.type("incomeSalary", "1,400,000");
			browser.checkPage("english-income");
			submitChecked(browser);
			choose(driver, "residence", "DOMESTIC");
			submitChecked(browser);
			choose(driver, "disabled", "no");
			submitChecked(browser);
			String section = driver.findElement(By.id("main")).getText();
			assertThat(section).contains("below ¥1,500,000")
				.contains("¥1,400,000")
				.doesNotContain("x 10,000")
				.doesNotContain("万円");
			browser.checkPage("english-section");
			browser.driver().findElement(By.id("completed-yes")).click();
			browser.click(driver.findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));

			browser.click(driver.findElement(By.linkText("Check your answers and submit")));
			assertThat(browser.heading()).isEqualTo("Check your answers and submit");
			String check = driver.findElement(By.id("main")).getText();
			assertThat(check).contains("御室 学 (eldest son)")
				.contains("¥1,400,000")
				.contains("below ¥1,500,000")
				.containsPattern(ENGLISH_DEADLINE)
				.doesNotContainPattern(JAPANESE_DATE)
				.doesNotContain("万円")
				.doesNotContain("（長男）");
			browser.checkPage("english-check");
		}
	}

	private static void submitChecked(Browser browser) {
		browser.submit();
		Axe.check(browser.driver());
	}

	private static void choose(WebDriver driver, String name, String value) {
		driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
