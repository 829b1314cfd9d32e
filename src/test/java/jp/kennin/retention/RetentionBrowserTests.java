package jp.kennin.retention;

import java.util.List;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kennin.lossnotice.NoticeFixture.person;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An insurer's administrator sets the retention periods from the admin menu (a wrong
 * value is told next to its field) and finds the 開示請求 export on a person's detail; both
 * pages pass the accessibility check.
 */
@KenninIntegrationTest
class RetentionBrowserTests {

	static final String STAFF_PASSWORD = "Retention-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void the_admin_sets_the_periods_and_finds_the_export() {
		Tenant tenant = TestTenants.create(tenants, "保存期間画面健保");
		String bango = "rb" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		roster.upsert(tenant.id(), List
			.<RosterPerson>of(person(bango, "00", "本人", RelationshipCategory.SELF, "保存 太郎", "ホゾン タロウ", 1975, null)));
		long personId = jdbc.sql("select id from roster_person where tenant_id = ? and bango = ?")
			.params(tenant.id(), bango)
			.query(Long.class)
			.single();
		String login = "ret-admin-" + bango;
		accounts.create(login, "保存 管理者", StaffRole.TENANT_ADMIN, tenant.id(), STAFF_PASSWORD);

		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), login, STAFF_PASSWORD, clock);
			driver.get(url("/admin"));
			browser.click(driver.findElement(By.linkText("保存期間")));
			assertThat(browser.heading()).isEqualTo("保存期間");
			browser.type("documentYears", "25");
			browser.click(driver.findElement(By.id("save-retention")));
			assertThat(driver.findElement(By.id("documentYears-error")).getText()).contains("1～20の整数（年）で入力してください。");
			browser.checkPage("retention-settings-error");
			browser.type("documentYears", "7");
			browser.click(driver.findElement(By.id("save-retention")));
			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("保存しました");
			assertThat(driver.findElement(By.id("documentYears")).getAttribute("value")).isEqualTo("7");
			browser.checkPage("retention-settings");

			driver.get(url("/admin/roster/people/" + personId));
			assertThat(driver.findElement(By.id("member-export")).getAttribute("href"))
				.endsWith("/admin/retention/export/" + personId);
			browser.checkPage("retention-person-export-link");
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
