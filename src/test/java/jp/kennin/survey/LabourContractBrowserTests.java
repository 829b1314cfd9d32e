package jp.kennin.survey;

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
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone, a member says the wife's only income is salary (「給与収入のみ」): the
 * labour-contract questions appear when the box is ticked and the hours and days when the
 * wage is hourly; the section then shows the terms, the annual figure computed from the
 * contract with the rule named, and asks for the 労働条件通知書 instead of payslips.
 */
@KenninIntegrationTest
class LabourContractBrowserTests {

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
	void member_answers_salary_only_with_the_labour_contract_on_a_phone() throws Exception {
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
			choose(driver, "continuation", "CONTINUE");
			submitChecked(browser);
			choose(driver, "living", "TOGETHER");
			submitChecked(browser);
			choose(driver, "occupations", "PART_TIME");
			submitChecked(browser);

			browser.type("incomeSalary", "１００万");
			WebElement wage = driver.findElement(By.id("contractWage"));
			assertThat(wage.isDisplayed()).as("contract questions wait for 給与収入のみ").isFalse();
			driver.findElement(By.id("salaryOnly")).click();
			assertThat(wage.isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("contractHoursPerDay")).isDisplayed()).isFalse();
			choose(driver, "answers[contractWageKind]", "HOURLY");
			assertThat(driver.findElement(By.id("contractHoursPerDay")).isDisplayed()).isTrue();
			browser.type("contractWage", "1,100");
			browser.type("contractHoursPerDay", "6");
			browser.type("contractDaysPerWeek", "４");
			browser.checkPage("survey-income-labour-contract");
			submitChecked(browser);
			choose(driver, "residence", "DOMESTIC");
			submitChecked(browser);
			choose(driver, "disabled", "no");
			submitChecked(browser);

			String section = driver.findElement(By.id("content")).getText();
			assertThat(section).contains("給与収入のみ")
				.contains("時給")
				.contains("1,100円")
				.contains("6時間")
				.contains("週4日")
				.contains("保保発1001第3号")
				.contains("年1,372,800円")
				.contains("労働条件通知書（雇用契約書）の写しと、給与収入のみである旨の申立書")
				.doesNotContain("給与明細（直近3か月分）または源泉徴収票");
			browser.checkPage("survey-section-labour-contract");
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
