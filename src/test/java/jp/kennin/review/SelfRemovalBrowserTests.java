package jp.kennin.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone (375 x 812), a member takes the wife off the insurance in the survey: the
 * date and reason appear when 「削除する（扶養から外す）」 is chosen, the remaining questions are
 * skipped and no document is asked for (issue 12, screen 9).
 */
@KenninIntegrationTest
class SelfRemovalBrowserTests {

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
	void member_takes_a_dependent_off_the_insurance_on_a_phone() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		Tenant tenant = member.tenant();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		RosterPerson insured = member.person();
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "01", false, "妻",
						RelationshipCategory.SPOUSE, "御室 花子", "オムロ ハナコ", LocalDate.of(today.getYear() - 40, 6, 1),
						RosterPerson.Gender.FEMALE, null, null, null, true, null, true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(), new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens,
				deadline, false, "", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaignId);

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/login");
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			submitChecked(browser);
			driver.findElement(By.id("agree")).click();
			submitChecked(browser);
			browser.click(driver.findElement(By.linkText("調査票に回答する")));
			browser.click(driver.findElement(By.partialLinkText("御室 花子さん（妻）")));
			WebElement year = driver.findElement(By.id("removalYear"));
			assertThat(year.isDisplayed()).as("the date waits for 扶養から外す").isFalse();
			choose(driver, "continuation", "REMOVE");
			assertThat(year.isDisplayed()).isTrue();
			browser.type("removalYear", "２０２６");
			browser.type("removalMonth", "9");
			browser.type("removalDay", "30");
			choose(driver, "removalReason", "EMPLOYED");
			submitChecked(browser);

			// The other questions are skipped: the section is done after this page.
			String section = driver.findElement(By.id("content")).getText();
			assertThat(section).contains("削除する（扶養から外す）")
				.contains("2026年9月30日 就職")
				.doesNotContain("同居・別居")
				.doesNotContainPattern("(?m)^必要な書類$");
		}
	}

	private static void submitChecked(Browser browser) {
		browser.submit();
		Axe.check(browser.driver());
	}

	private static void choose(WebDriver driver, String name, String value) {
		driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

}
