package jp.kennin.office;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.platform.KenninProperties;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.PdfQrCodes;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An insurer admin opens a campaign, reading the invitation counts first, and the
 * captured sign-up mails arrive; the admin adds an office contact for two of the roster's
 * three offices; the contact logs in on a phone, lands on their offices' page, reads the
 * counts and the households of those two offices only, and downloads the letters of one
 * office: the PDF has the member's name, 記号・番号 and the deadline, and its QR code decodes
 * to the sign-up page with the insurer code; then opens the dashboard of that office and
 * of both, whose charts draw under the strict CSP. Every page is checked with axe.
 */
@KenninIntegrationTest
class OfficeContactBrowserTests {

	static final String PASSWORD = "Browser-password-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

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
	KenninProperties properties;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_admin_adds_an_office_contact_who_sees_their_offices_progress() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "事業所画面健保");
		List<RosterPerson> people = new ArrayList<>();
		String tokyoMail = "oc-b1-" + System.nanoTime() + "@example.jp";
		household(people, "b1", "東京 一郎", "100", "本社", tokyoMail);
		household(people, "b2", "東京 二郎", "100", "本社", null);
		household(people, "b3", "大阪 三郎", "200", "大阪支店", "oc-b3-" + System.nanoTime() + "@example.jp");
		household(people, "b4", "福岡 四郎", "300", "福岡支店", null);
		roster.upsert(tenant.id(), people);
		long campaign = campaigns.create(tenant.id(),
				new CampaignDraft("事業所画面の調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		String adminId = "ocadm-" + tenant.code();
		String contactId = "occon-" + tenant.code();
		accounts.create(adminId, "管理 秋子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		try (Browser admin = Browser.open(Browser.DESKTOP); Browser contact = Browser.open(Browser.PHONE)) {
			admin.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			WebDriver driver = admin.driver();
			// Opening: the three counts first (b1 and b3 have a roster address, b2 and b4
			// none).
			driver.get(url("/admin/campaigns/" + campaign + "/open"));
			assertThat(admin.heading()).isEqualTo("この調査を公開しますか");
			assertThat(driver.findElement(By.id("invitation-member-mails")).getText()).isEqualTo("0世帯");
			assertThat(driver.findElement(By.id("invitation-signup-guides")).getText()).isEqualTo("2世帯");
			assertThat(driver.findElement(By.id("invitation-letters")).getText()).isEqualTo("2世帯");
			admin.checkPage("office-campaign-open-counts");
			admin.click(driver.findElement(By.xpath("//button[normalize-space()='公開する']")));
			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("公開");
			String guide = capturedMail(admin, tokyoMail);
			assertThat(guide).contains("東京 一郎", "事業所画面の調査", "/signup?code=" + tenant.code()).doesNotContain("1980");
			jdbc.sql("update survey_form set status = 'IN_PROGRESS' where campaign_id = ? and bango = 'b2'")
				.param(campaign)
				.update();
			driver.get(url("/admin"));
			admin.click(driver.findElement(By.linkText("職員の管理")));
			driver.get(url("/admin/staff/new"));
			admin.type("loginId", contactId);
			admin.type("displayName", "事業所 冬美");
			new Select(driver.findElement(By.id("role"))).selectByVisibleText("事業所担当者");
			admin.submit();
			// No office chosen: the message next to the field, the rest kept.
			assertThat(driver.findElement(By.id("offices-error")).getText()).contains("担当する事業所を1つ以上選んでください");
			assertThat(driver.findElement(By.id("loginId")).getAttribute("value")).isEqualTo(contactId);
			admin.checkPage("office-contact-no-office");
			driver.findElement(By.xpath("//label[contains(., '100　本社')]")).click();
			driver.findElement(By.xpath("//label[contains(., '200　大阪支店')]")).click();
			admin.submit();
			String password = driver.findElement(By.id("new-password")).getText();
			assertThat(driver.findElement(By.id("member-offices")).getText()).contains("100　本社", "200　大阪支店")
				.doesNotContain("福岡");
			admin.checkPage("office-contact-created");

			WebDriver phone = contact.driver();
			phone.get(url("/admin/login"));
			contact.type("loginId", contactId);
			contact.type("password", password);
			contact.submit();
			String secret = phone.findElement(By.id("secret")).getText().replace(" ", "");
			contact.type("code", StaffTestLogin.code(secret, clock));
			contact.submit();
			contact.click(phone.findElement(By.linkText("管理画面へ進む")));
			assertThat(contact.heading()).isEqualTo("事業所の調査状況");
			assertThat(phone.findElement(By.id("office-list")).getText()).contains("100　本社", "200　大阪支店")
				.doesNotContain("福岡");
			contact.checkPage("office-campaigns");
			contact.click(phone.findElement(By.linkText("事業所画面の調査")));
			assertThat(contact.heading()).isEqualTo("事業所画面の調査の回答状況");
			String counts = phone.findElement(By.id("office-totals")).getText();
			// 未登録 2 (b1, b3), 作成中 1 (b2), 3 in all.
			assertThat(counts).startsWith("合計 2 0 1 0 0 0 3");
			String list = phone.findElement(By.id("households")).getText();
			assertThat(list).contains("1-b1", "東京 一郎", "1-b2", "作成中", "1-b3", "大阪 三郎", "未登録")
				.doesNotContain("1-b4", "福岡");
			contact.checkPage("office-progress");
			new Select(phone.findElement(By.id("office"))).selectByValue("200");
			contact.click(phone.findElement(By.id("filter-apply")));
			assertThat(phone.findElement(By.id("households")).getText()).contains("大阪 三郎").doesNotContain("東京");
			assertThat(phone.findElement(By.id("matching")).getText()).isEqualTo("該当 1 世帯");
			// The invitation letters of 大阪支店, as the contact hands them out.
			new Select(phone.findElement(By.id("kind"))).selectByValue("INVITATION");
			byte[] pdf = contact.download(phone.findElement(By.id("download-letters")));
			try (PDDocument letters = Loader.loadPDF(pdf)) {
				assertThat(letters.getNumberOfPages()).isEqualTo(1);
				String text = new PDFTextStripper().getText(letters);
				assertThat(text).contains("大阪 三郎　様", "1　b3", tenant.code(), "2026年9月17日(木) 23:59")
					.doesNotContain("東京", "福岡");
				assertThat(PdfQrCodes.decode(letters, 0))
					.isEqualTo(properties.baseUrl() + "/signup?code=" + tenant.code());
			}
			// The dashboard of 大阪支店 (the filter is kept), then of both offices: their
			// figures only, the charts drawn by the chart library under the strict CSP.
			contact.driver()
				.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map
					.of("source", "window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
							+ "function (e) { window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });"));
			contact.click(phone.findElement(By.id("dashboard-link")));
			assertThat(contact.heading()).isEqualTo("ダッシュボード：事業所画面の調査");
			assertThat(phone.findElement(By.id("dashboard-scope")).getText()).contains("200");
			assertThat(funnelTargets(phone)).isEqualTo("1");
			assertThat(phone.findElement(By.id("offices-table")).getText()).contains("200 大阪支店")
				.doesNotContain("本社", "福岡");
			new Select(phone.findElement(By.id("dashboard-office"))).selectByValue("");
			contact.click(phone.findElement(By.id("dashboard-filter-apply")));
			// b1, b2 (本社) and b3 (大阪支店); b4 of 福岡支店 is not theirs.
			assertThat(funnelTargets(phone)).isEqualTo("3");
			assertThat(phone.findElement(By.id("offices-table")).getText()).contains("100 本社", "200 大阪支店")
				.doesNotContain("福岡");
			assertThat(phone.findElements(By.id("cost-avoided"))).isEmpty();
			new WebDriverWait(phone, Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#funnel-chart canvas")));
			Object drawn = ((JavascriptExecutor) phone).executeScript("""
					var c = document.querySelector('#funnel-chart canvas');
					var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
					var painted = 0;
					for (var i = 3; i < px.length; i += 4) { if (px[i] !== 0) { painted++; } }
					return painted;""");
			assertThat(((Number) drawn).longValue()).as("pixels the funnel chart painted").isPositive();
			assertThat(((JavascriptExecutor) phone).executeScript("return window.cspViolations;")).asList().isEmpty();
			contact.checkPage("office-dashboard-phone");
			// Any other staff page: the Japanese refusal.
			phone.get(url("/admin/campaigns"));
			assertThat(contact.heading()).isEqualTo("このページを表示する権限がありません");
			assertThat(phone.getPageSource()).doesNotContain("事業所画面の調査");
			contact.checkPage("office-contact-refused");
		}
	}

	/** The funnel table's first figure (対象). */
	private static String funnelTargets(WebDriver driver) {
		return driver.findElement(By.cssSelector("#funnel-table tbody tr:first-child td")).getAttribute("data-value");
	}

	/** The captured mail to {@code address} (the dev mailbox), once it has been sent. */
	private String capturedMail(Browser browser, String address) {
		WebDriver driver = browser.driver();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
			driver.get(url("/dev/mail"));
			return driver.getPageSource().contains(address);
		});
		browser.click(driver.findElement(By.xpath("//tr[td[contains(., '" + address + "')]]//a")));
		return driver.findElement(By.tagName("main")).getText();
	}

	private static void household(List<RosterPerson> people, String bango, String name, String office,
			String officeName, String email) {
		people.add(new RosterPerson(0, 0, "1", bango, "00", true, "本人", RelationshipCategory.SELF, name, "ジギョウショ タロウ",
				LocalDate.of(1980, 1, 1), Gender.MALE, email, office, officeName, null, null, true));
		people.add(new RosterPerson(0, 0, "1", bango, "01", false, "妻", RelationshipCategory.SPOUSE, name + "の妻",
				"ジギョウショ ハナコ", LocalDate.of(1982, 1, 1), Gender.FEMALE, null, office, officeName, true, null, true));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
