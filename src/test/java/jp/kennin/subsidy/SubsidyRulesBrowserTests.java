package jp.kennin.subsidy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import jp.kennin.platform.StaffActor;
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
 * An insurer's administrator sets this year's influenza subsidy from the menu: starts
 * from the suggested rules, limits it to dependents up to 小学6年, types a cap of zero and
 * reads the message next to the field with the rest kept, corrects it and saves. Every
 * page is checked with axe.
 */
@KenninIntegrationTest
class SubsidyRulesBrowserTests {

	static final String PASSWORD = "Subsidy-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Subsidies subsidies;

	@Autowired
	MutableClock clock;

	@Test
	void the_admin_sets_the_years_rules_with_a_message_next_to_a_wrong_field() {
		Tenant tenant = TestTenants.create(tenants, "補助金画面健保");
		String adminId = "sbadm-" + tenant.code();
		accounts.create(adminId, "補助 夏子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser admin = Browser.open(Browser.DESKTOP)) {
			admin.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			WebDriver driver = admin.driver();
			admin.click(driver.findElement(By.linkText("インフルエンザ補助金の設定")));
			assertThat(admin.heading()).endsWith("年度 インフルエンザ補助金の設定");
			assertThat(driver.findElement(By.id("rules-suggested")).getText()).contains("まだ保存されていません");
			admin.checkPage("subsidy-rules-suggested");
			driver.findElement(By.id("insuredCovered1")).click();
			new Select(driver.findElement(By.id("dependentGradeMax"))).selectByValue("6");
			admin.type("capYen", "0");
			admin.type("exclusions", "会社の集団接種、海外での接種");
			admin.click(driver.findElement(By.id("save-rules")));
			assertThat(driver.findElement(By.id("capYen-error")).getText()).contains("補助額の上限は1円から100,000円");
			assertThat(driver.findElement(By.id("exclusions")).getAttribute("value")).isEqualTo("会社の集団接種、海外での接種");
			assertThat(new Select(driver.findElement(By.id("dependentGradeMax"))).getFirstSelectedOption().getText())
				.isEqualTo("小学6年生まで（未就学児を含む）");
			admin.checkPage("subsidy-rules-error");
			admin.type("capYen", "４０００");
			admin.click(driver.findElement(By.id("save-rules")));
			assertThat(driver.findElement(By.id("rules-saved")).getText()).contains("設定を保存しました");
			admin.checkPage("subsidy-rules-saved");
		}
		StaffActor actor = new StaffActor(adminId, StaffActor.TENANT_ADMIN, tenant.id());
		int year = subsidies.years(actor).get(0);
		SubsidyRules saved = subsidies.rules(actor, year).orElseThrow();
		assertThat(saved.capYen()).isEqualTo(4000);
		assertThat(saved.insuredCovered()).isFalse();
		assertThat(saved.dependentGradeMax()).isEqualTo(6);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
