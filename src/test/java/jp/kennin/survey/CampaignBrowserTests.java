package jp.kennin.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a desktop, an insurer's administrator creates a campaign (the date and time inputs
 * whole at 1280 and at 375 px, each error naming its field), previews it, opens it after
 * a confirmation page with the counts, closes it after another, and finds those actions
 * in the audit log in Japanese.
 */
@KenninIntegrationTest
class CampaignBrowserTests {

	static final String PASSWORD = "Campaign-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	MutableClock clock;

	@Test
	void admin_creates_previews_opens_and_closes_a_campaign_with_confirmations() {
		Tenant tenant = TestTenants.create(tenants, "ブラウザ調査健保");
		household("1", "妻", "長男");
		household("2", "妻");
		roster.upsert(tenant.id(), people);
		String adminId = "cmp-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(adminId, "調査 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			driver.get(url("/admin/campaigns"));
			browser.click(driver.findElement(By.linkText("調査を作成する")));
			assertThat(browser.heading()).isEqualTo("調査の作成");
			assertThat(cutOffInputs(driver)).as("date and time inputs narrower than their content at 1280 px")
				.isEmpty();
			browser.checkPage("campaign-form-1280");
			driver.manage().window().setSize(new Dimension(375, 812));
			assertThat(cutOffInputs(driver)).as("date and time inputs narrower than their content at 375 px").isEmpty();
			browser.checkPage("campaign-form-375");
			driver.manage().window().setSize(Browser.DESKTOP);

			browser.submit();
			String summary = driver.findElement(By.className("error-summary")).getText();
			assertThat(summary).contains("調査名を入力してください。", "基準日を入力してください。", "公開日時の日付を入力してください。", "回答期限の日付を入力してください。");
			browser.checkPage("campaign-form-errors");

			// Dates from today, so the deadline job never closes the campaign before
			// staff do.
			LocalDate today = jp.kennin.platform.JapanTime.today(clock);
			browser.type("title", "2026年度 被扶養者資格調査 ブラウザ");
			date(driver, "referenceDate", today.toString());
			date(driver, "opensDate", today.plusDays(1).toString());
			date(driver, "deadlineDate", today.plusWeeks(4).toString());
			browser.submit();
			assertThat(browser.heading()).isEqualTo("2026年度 被扶養者資格調査 ブラウザ");
			assertThat(driver.findElement(By.id("breakdown-total")).getText()).isEqualTo("対象：2世帯、被扶養者3人");
			browser.checkPage("campaign-preview");

			browser.click(driver.findElement(By.linkText("公開の内容を確認する")));
			assertThat(browser.heading()).isEqualTo("この調査を公開しますか");
			assertThat(driver.findElement(By.id("opening-counts")).getText()).isEqualTo("2世帯・被扶養者3人の調査票を作成します。");
			browser.checkPage("campaign-open-confirm");
			browser.submit();
			assertThat(driver.findElement(By.className("notification-banner")).getText())
				.isEqualTo("調査を公開し、調査票を作成しました。");
			assertThat(driver.findElement(By.id("breakdown-total")).getText()).isEqualTo("調査票：2世帯、被扶養者3人");

			browser.click(driver.findElement(By.linkText("締め切りの内容を確認する")));
			assertThat(browser.heading()).isEqualTo("この調査を締め切りますか");
			assertThat(driver.findElement(By.id("closing-counts")).getText()).isEqualTo("この調査には 2世帯・被扶養者3人の調査票があります。");
			assertThat(driver.findElement(By.id("not-submitted")).getText()).startsWith("まだ提出されていない調査票が 2件あります。");
			browser.checkPage("campaign-close-confirm");
			browser.submit();
			assertThat(driver.findElement(By.className("notification-banner")).getText()).isEqualTo("調査を締め切りました。");

			driver.get(url("/admin/audit"));
			String log = driver.findElement(By.id("audit-table")).getText();
			assertThat(log).contains("調査の締め切り", "調査の公開", "調査の作成", "保険者の管理者").doesNotContain("CAMPAIGN_", "campaign:");
			// Created, opened (with its invitations queued), closed, and the households
			// that
			// did not submit handled by the campaign's rule.
			assertThat(log).contains("調査の案内の送信予約");
			assertThat(driver.findElements(By.linkText("調査: 2026年度 被扶養者資格調査 ブラウザ"))).hasSize(5);
			browser.checkPage("audit-log-campaign");
		}
	}

	/**
	 * Ids of date and time inputs drawn narrower than they need for their own content
	 * (cut off).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> cutOffInputs(WebDriver driver) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"""
						return Array.from(document.querySelectorAll('input[type=date], input[type=time]')).filter(function (el) {
						  var drawn = el.getBoundingClientRect().width;
						  el.style.width = 'auto'; el.style.maxWidth = 'none';
						  var needed = el.getBoundingClientRect().width;
						  el.style.width = ''; el.style.maxWidth = '';
						  return drawn + 0.5 < needed;
						}).map(function (el) { return el.id; });""");
	}

	/**
	 * Sets a date input as a date picker would (typing into one depends on the browser's
	 * locale).
	 */
	private static void date(WebDriver driver, String id, String isoDate) {
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
				isoDate);
	}

	private final List<RosterPerson> people = new ArrayList<>();

	private void household(String bango, String... relationships) {
		people.add(new RosterPerson(0, 0, "8", bango, "00", true, "本人", RelationshipCategory.SELF, "画面 太郎" + bango,
				"ガメン タロウ", LocalDate.of(1975, 1, 1), Gender.MALE, null, "100", "本社", null, null, true));
		int edaban = 1;
		for (String r : relationships) {
			people.add(new RosterPerson(0, 0, "8", bango, String.format("%02d", edaban++), false, r,
					r.equals("妻") ? RelationshipCategory.SPOUSE : RelationshipCategory.CHILD, "画面 家族", "ガメン カゾク",
					LocalDate.of(2000, 1, 1), Gender.FEMALE, null, null, null, true, null, true));
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
