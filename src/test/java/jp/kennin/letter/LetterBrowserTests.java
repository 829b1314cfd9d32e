package jp.kennin.letter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import jp.kennin.platform.DateStyle;
import jp.kennin.platform.JapanTime;
import jp.kennin.platform.KenninProperties;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
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
 * An insurer's administrator opens the letters of a campaign, reads the counts, picks an
 * office and creates the PDF. Headless Chromium's downloads are not something a test can
 * wait for reliably, so the test fetches the form's URL with the browser's own session
 * cookie, as the download would, and reads the PDF: the member's name, 記号・番号, the
 * deadline, and a QR code that decodes to the sign-up page with the insurer code.
 */
@KenninIntegrationTest
class LetterBrowserTests {

	static final String PASSWORD = "Letter-browser-2026!";

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
	KenninProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void admin_downloads_the_letters_of_one_office() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "ブラウザ郵送健保");
		roster.upsert(tenant.id(),
				List.of(insured("b1", "郵便 一子", "100", "本社"), spouse("b1", "100"), insured("b2", "窓口 二郎", "200", "支店"),
						spouse("b2", "200"), insured("b3", "封筒 三郎", "200", "支店"), spouse("b3", "200")));
		jdbc.sql("update roster_person set postal_code = '100-0001', address1 = '東京都千代田区千代田1-1' "
				+ "where tenant_id = ? and bango = 'b2' and edaban = '00'")
			.param(tenant.id())
			.update();
		LocalDate today = JapanTime.today(clock);
		Instant deadline = ZonedDateTime.of(today.plusWeeks(4).atTime(23, 59), JapanTime.ZONE).toInstant();
		long campaign = campaigns.create(tenant.id(),
				new CampaignDraft("郵送テスト調査", today,
						ZonedDateTime.of(today.plusDays(1).atTime(9, 0), JapanTime.ZONE).toInstant(), deadline, false,
						"", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaign);
		String adminId = "let-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(adminId, "郵送 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);

		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), adminId, PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + campaign));
			browser.click(driver.findElement(By.id("campaign-letters-link")));
			assertThat(browser.heading()).isEqualTo("郵送の案内状");
			assertThat(driver.findElement(By.id("count-letter-list")).getText()).isEqualTo("3世帯");
			assertThat(driver.findElement(By.id("letters-offices")).getText()).contains("200 支店");
			browser.checkPage("letters");

			new Select(driver.findElement(By.id("office"))).selectByValue("200");
			new Select(driver.findElement(By.id("kind"))).selectByValue("REMINDER");
			// The URL the button would download, with the form's current values.
			String href = (String) ((JavascriptExecutor) driver).executeScript("""
					var form = document.getElementById('letters-form');
					return form.action + '?' + new URLSearchParams(new FormData(form)).toString();""");
			String cookies = driver.manage()
				.getCookies()
				.stream()
				.map(Cookie::toString)
				.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
				.collect(Collectors.joining("; "));
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).build(),
						HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment",
					"reminder_200.pdf");
			try (PDDocument pdf = Loader.loadPDF(response.body())) {
				assertThat(pdf.getNumberOfPages()).isEqualTo(2);
				String text = new PDFTextStripper().getText(pdf);
				assertThat(text)
					.contains("窓口 二郎　様", "〒100-0001", "8642　b2", "封筒 三郎",
							DateStyle.DEADLINE.format(deadline, Locale.JAPANESE), "被扶養者資格調査のご回答のお願い（再送）")
					.doesNotContain("郵便 一子");
				assertThat(LettersIntegrationTests.qr(pdf, 0))
					.isEqualTo(properties.baseUrl() + "/signup?code=" + tenant.code());
			}

			driver.get(url("/admin/letter-settings"));
			assertThat(browser.heading()).isEqualTo("郵送の案内状の設定");
			browser.checkPage("letter-settings");
			driver.get(url("/admin/audit"));
			assertThat(driver.findElement(By.id("audit-table")).getText()).contains("郵送の案内状の作成");
		}
	}

	private static RosterPerson insured(String bango, String name, String office, String officeName) {
		return new RosterPerson(0, 0, "8642", bango, "00", true, "本人", RelationshipCategory.SELF, name, "ユウビン イチコ",
				LocalDate.of(1975, 1, 1), Gender.FEMALE, null, office, officeName, null, null, true);
	}

	private static RosterPerson spouse(String bango, String office) {
		return new RosterPerson(0, 0, "8642", bango, "01", false, "夫", RelationshipCategory.SPOUSE, "郵便 家族", "ユウビン カゾク",
				LocalDate.of(1974, 1, 1), Gender.MALE, null, office, null, true, null, true);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
