package jp.kennin.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone, a member stuck anywhere on the way from home to the receipt finds
 * the insurer's desk near the end of the page, and its phone number is a tel: link a
 * thumb can tap.
 */
@KenninIntegrationTest
class SupportDeskBrowserTests {

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	StaffAccounts staff;

	@Autowired
	MutableClock clock;

	@Test
	void the_desk_with_a_working_phone_link_is_on_home_survey_check_and_receipt() throws Exception {
		String code = "bd" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(
				code, "電話健保", code + "@kenpo.example", "電話健保", new Tenant.SupportDesk("電話健保 適用グループ", "0120-000-111",
						"平日10時～17時（12時～13時を除く）", "desk@phone-kenpo.example", "https://phone-kenpo.example/"),
				PasswordPolicyPreset.SEED));
		Registration member = Registration.register(mvc, fixtures, tenant);
		RosterPerson insured = member.person();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "01", false, "妻",
						RelationshipCategory.SPOUSE, "御室 花子", "オムロ ハナコ", today.minusYears(44),
						RosterPerson.Gender.FEMALE, null, null, null, true, null, true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaignId);

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/login");
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			assertThat(browser.heading()).isEqualTo("御室 太郎さん、こんにちは");
			assertDesk(browser, "desk-home");

			browser.click(driver.findElement(By.linkText("調査票に回答する")));
			assertDesk(browser, "desk-survey-tasks");

			browser.click(driver.findElement(By.partialLinkText("御室 花子さん（妻）")));
			assertDesk(browser, "desk-survey-step");
			driver.findElement(By.cssSelector("input[name='continuation'][value='REMOVE']")).click();
			browser.type("removalYear", String.valueOf(today.getYear()));
			browser.type("removalMonth", String.valueOf(today.getMonthValue()));
			browser.type("removalDay", "1");
			driver.findElement(By.cssSelector("input[name='removalReason'][value='EMPLOYED']")).click();
			browser.submit();
			driver.findElement(By.id("completed-yes")).click();
			browser.click(driver.findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));

			browser.click(driver.findElement(By.linkText("回答内容を確認して提出する")));
			assertDesk(browser, "desk-survey-check");
			browser.click(driver.findElement(By.cssSelector("#submit-form button[type=submit]")));
			assertThat(browser.heading()).isEqualTo("提出が完了しました");
			assertDesk(browser, "desk-survey-receipt");
		}
	}

	@Test
	void an_insurer_admin_writes_where_kigo_bango_are_and_a_member_reads_it_on_sign_up() throws Exception {
		String code = "bw" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(code, "案内健保", code + "@kenpo.example", "案内健保",
				Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
		String adminId = "bwadm-" + code;
		String password = "Contact-page-2026!";
		staff.create(adminId, "窓口 担当", StaffRole.TENANT_ADMIN, tenant.id(), password);
		String base = "http://localhost:" + port;

		try (Browser admin = Browser.open(Browser.DESKTOP)) {
			admin.staffFirstLogin(base, adminId, password, clock);
			admin.click(admin.driver().findElement(By.linkText("お問い合わせ窓口と記号・番号の案内")));
			assertThat(admin.heading()).isEqualTo("お問い合わせ窓口と記号・番号の案内");
			assertThat(admin.driver().findElements(By.id("support-desk"))).as("nothing set, nothing shown").isEmpty();
			admin.type("supportName", "案内健保 適用グループ");
			admin.type("supportPhone", "03-1234-5678");
			admin.type("memberNumberGuidance", "記号・番号は**資格確認書の表面**にあります。");
			admin.submit();
			assertThat(admin.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("保存しました。");
			assertThat(admin.driver().findElement(By.id("support-desk")).getText()).contains("案内健保 適用グループ");
			admin.checkPage("staff-member-contact");
		}

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(base + "/signup?code=" + code);
			WebElement own = driver.findElement(By.id("where-kigo-tenant"));
			assertThat(own.isDisplayed()).as("opened, no tap needed").isTrue();
			assertThat(own.getText()).contains("案内健保からのご案内").contains("資格確認書の表面");
			assertThat(own.findElement(By.cssSelector(".prose strong")).getText()).isEqualTo("資格確認書の表面");
			assertThat(driver.findElement(By.id("where-kigo-bango")).getText()).contains("資格情報のお知らせ");
			browser.checkPage("signup-tenant-wording");
		}
	}

	/**
	 * The desk is there, below the page's own task, whole on a phone, with its phone
	 * number to tap.
	 */
	private static void assertDesk(Browser browser, String screenshot) {
		WebDriver driver = browser.driver();
		WebElement desk = driver.findElement(By.id("support-desk"));
		assertThat(desk.getText()).contains("お問い合わせ窓口")
			.contains("電話健保 適用グループ")
			.contains("平日10時～17時（12時～13時を除く）")
			.contains("お問い合わせの際は、記号・番号をお伝えください。");
		WebElement phone = desk.findElement(By.cssSelector("a[href^='tel:']"));
		assertThat(phone.getAttribute("href")).isEqualTo("tel:0120000111");
		assertThat(phone.getText()).isEqualTo("0120-000-111");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", phone);
		assertThat(phone.isDisplayed()).isTrue();
		assertThat(phone.getSize().getHeight()).as("a tap target").isGreaterThanOrEqualTo(24);
		assertThat(phone.getRect().getX() + phone.getSize().getWidth()).as("inside a 375 px screen")
			.isLessThanOrEqualTo(375);
		assertThat(desk.findElement(By.cssSelector("a[href='mailto:desk@phone-kenpo.example']")).isDisplayed())
			.isTrue();
		Axe.check(driver);
		browser.checkPage(screenshot);
	}

}
