package jp.kennin.survey;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import jp.kennin.platform.JapanTime;
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
 * On a desktop, an insurer's administrator opens a running campaign's 「案内と督促」, picks the
 * unregistered households, reads the count on the confirmation page, sends, and sees the
 * run in the progress table.
 */
@KenninIntegrationTest
class ReminderBrowserTests {

	static final String PASSWORD = "Reminder-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private final List<RosterPerson> people = new ArrayList<>();

	@Test
	void admin_sends_a_reminder_now_after_seeing_the_count() {
		Tenant tenant = TestTenants.create(tenants, "ブラウザ督促健保");
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		household("1", "rem-browser-1-" + tag + "@example.jp");
		household("2", "rem-browser-2-" + tag + "@example.jp");
		household("3", null);
		roster.upsert(tenant.id(), people);
		LocalDate today = JapanTime.today(clock);
		long id = campaigns.create(tenant.id(),
				new CampaignDraft("督促の調査 ブラウザ", today, clock.instant(),
						today.plusWeeks(4).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant(), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), id);
		String adminId = "rem-" + tag;
		accounts.create(adminId, "督促 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + id));
			browser.click(driver.findElement(By.id("outreach-link")));
			assertThat(browser.heading()).isEqualTo("案内と督促");
			assertThat(driver.findElement(By.id("run-0")).getText()).startsWith("公開時の案内");
			browser.checkPage("outreach");

			driver.findElement(By.cssSelector("label[for=state-UNREGISTERED]")).click();
			browser.click(driver.findElement(By.id("remind-count")));
			assertThat(browser.heading()).isEqualTo("督促を送りますか");
			assertThat(driver.findElement(By.id("reminder-households")).getText()).isEqualTo("3世帯に督促を送ります。");
			assertThat(driver.findElement(By.id("reminder-signup-guides")).getText()).isEqualTo("2世帯");
			assertThat(driver.findElement(By.id("reminder-letters")).getText()).isEqualTo("1世帯");
			assertThat(driver.findElement(By.id("reminder-member-mails")).getText()).isEqualTo("0世帯");
			browser.checkPage("reminder-confirm");

			browser.click(driver.findElement(By.id("remind-send")));
			assertThat(browser.heading()).isEqualTo("案内と督促");
			assertThat(driver.findElement(By.id("reminder-flash")).getText()).startsWith("3世帯に督促を送信予約しました。");
			String runs = driver.findElement(By.id("reminder-runs")).getText();
			assertThat(runs).contains("今すぐ督促", "公開時の案内");
			browser.checkPage("outreach-after-send");
		}
		finally {
			jdbc.sql("delete from mail_outbox where tenant_id = ? and status = 'PENDING'").param(tenant.id()).update();
		}
	}

	private void household(String bango, String email) {
		people.add(new RosterPerson(0, 0, "8", bango, "00", true, "本人", RelationshipCategory.SELF, "督促 太郎" + bango,
				"トクソク タロウ", LocalDate.of(1975, 1, 1), Gender.MALE, email, "100", "本社", null, null, true));
		people.add(new RosterPerson(0, 0, "8", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "督促 家族",
				"トクソク カゾク", LocalDate.of(2000, 1, 1), Gender.FEMALE, null, null, null, true, null, true));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
