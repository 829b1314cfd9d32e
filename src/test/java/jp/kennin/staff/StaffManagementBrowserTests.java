package jp.kennin.staff;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import jp.kennin.staff.internal.StaffTestLogin;
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
 * An insurer admin changes a colleague's role and then removes the account, while the
 * colleague is logged in in another browser: the colleague's next page is the login.
 * Every page is checked with axe.
 */
@KenninIntegrationTest
class StaffManagementBrowserTests {

	static final String PASSWORD = "Browser-password-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_role_change_and_a_removal_log_the_colleague_out_at_once() {
		Tenant tenant = TestTenants.create(tenants, "職員管理健保");
		String adminId = "bsadm-" + tenant.code();
		String colleagueId = "bscol-" + tenant.code();
		accounts.create(adminId, "管理 春子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		long colleague = accounts.create(colleagueId, "同僚 夏男", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser admin = Browser.open(Browser.DESKTOP); Browser other = Browser.open(Browser.PHONE)) {
			String secret = firstLogin(other, colleagueId);
			admin.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			WebDriver driver = admin.driver();

			admin.click(driver.findElement(By.linkText("職員の管理")));
			admin.click(driver.findElement(By.linkText(colleagueId)));
			assertThat(driver.findElement(By.id("staff-effect")).getText()).contains("すぐにログアウト");
			admin.checkPage("staff-detail");
			new Select(driver.findElement(By.id("role"))).selectByVisibleText("保険者の担当者");
			admin.submit();
			assertThat(driver.findElement(By.className("notification-banner")).getText()).contains("権限を変更しました");
			admin.checkPage("staff-role-changed");

			other.driver().get(url("/admin/roster/tokens"));
			assertThat(other.heading()).isEqualTo("管理者ログイン");

			clock.advance(Duration.ofMinutes(1)); // a new authenticator code
			other.type("loginId", colleagueId);
			other.type("password", PASSWORD);
			other.submit();
			assertThat(other.heading()).isEqualTo("確認コードの入力");
			other.type("code", StaffTestLogin.code(secret, clock));
			other.submit();
			assertThat(other.heading()).isEqualTo("管理画面");
			assertThat(other.driver().findElement(By.id("staff-menu")).getText()).doesNotContain("名簿の取り込み");

			admin.click(driver.findElement(By.id("staff-remove")));
			assertThat(admin.heading()).isEqualTo("同僚 夏男 さんを削除しますか");
			admin.checkPage("staff-remove");
			admin.submit();
			assertThat(driver.findElement(By.className("notification-banner")).getText())
				.contains("職員「" + colleagueId + "」を削除しました。");
			assertThat(driver.findElement(By.id("staff-table")).getText()).doesNotContain(colleagueId);
			admin.checkPage("staff-removed");

			other.driver().get(url("/admin"));
			assertThat(other.heading()).isEqualTo("管理者ログイン");
			assertThat(accounts.findByLoginId(colleagueId).orElseThrow().id()).isEqualTo(colleague);
		}
	}

	@Test
	void the_login_page_says_why_a_session_ended() {
		try (Browser browser = Browser.open(Browser.PHONE)) {
			for (String reason : new String[] { "changed", "idle", "expired", "locked" }) {
				browser.driver().get(url("/admin/login?" + reason));
				assertThat(browser.driver().findElement(By.className("notification-banner")).getText())
					.contains("ログアウトしました");
				browser.checkPage("staff-login-" + reason);
			}
		}
	}

	/**
	 * As {@link Browser#staffFirstLogin}, keeping the authenticator secret for a later
	 * login.
	 */
	private String firstLogin(Browser browser, String loginId) {
		browser.driver().get(url("/admin/login"));
		browser.type("loginId", loginId);
		browser.type("password", PASSWORD);
		browser.submit();
		String secret = browser.driver().findElement(By.id("secret")).getText().replace(" ", "");
		browser.type("code", StaffTestLogin.code(secret, clock));
		browser.submit();
		browser.click(browser.driver().findElement(By.linkText("管理画面へ進む")));
		assertThat(browser.heading()).isEqualTo("管理画面");
		return secret;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
