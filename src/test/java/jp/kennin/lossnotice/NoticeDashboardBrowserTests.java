package jp.kennin.lossnotice;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.Reviews;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.SubmittedChildForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a review that removed the member's daughter: the administrator downloads the
 * removal list as CSV (Windows-31J) and XLSX and reads the daughter in both, opens the
 * campaign's dashboard and sees its charts drawn with their tables; the member, on a
 * phone, finds the daughter's notice and certificate on the survey page.
 */
@KenninIntegrationTest
class NoticeDashboardBrowserTests {

	static final String STAFF_PASSWORD = "Notice-browser-2026!";

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
	Reviews reviews;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void the_admin_sees_the_dashboard_and_the_member_finds_the_notice_on_a_phone() throws Exception {
		SubmittedChildForm submitted = SubmittedChildForm.create(mvc, fixtures, tenants, roster, campaigns, jdbc, "nb",
				"通知画面健保", "長女", "桂 美月", "カツラ ミツキ", 20, RosterPerson.Gender.FEMALE);
		Tenant tenant = submitted.tenant();
		Registration member = submitted.member();
		long campaignId = submitted.campaignId();
		long formId = submitted.formId();
		long daughter = submitted.child();
		String code = tenant.code();
		ReviewActor admin = new ReviewActor(tenant.id(), "ad-" + code, "TENANT_ADMIN", null);
		reviews.start(admin, formId);
		reviews.decide(admin, formId, version(formId), daughter,
				NoticeFixture.remove(2026, 4, 1, LossReason.EMPLOYMENT));
		reviews.complete(admin, formId, version(formId));
		accounts.create("ad-" + code, "通知 管理者", StaffRole.TENANT_ADMIN, tenant.id(), STAFF_PASSWORD);

		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			browser.staffFirstLogin(url(""), "ad-" + code, STAFF_PASSWORD, clock);
			driver.get(url("/admin/campaigns/" + campaignId + "/review"));
			// The removal list as Excel users take it: CSV in Windows-31J, and XLSX.
			byte[] csv = browser.download(driver.findElement(By.cssSelector("a[href*='removals.csv'][href*='sjis']")));
			List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(new String(csv, "Windows-31J")))
				.getRecords();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(1).toList()).contains("桂 美月", "就職", "2026/04/01");
			byte[] xlsx = browser.download(driver.findElement(By.cssSelector("a[href*='removals.xlsx']")));
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				var sheet = workbook.getSheetAt(0);
				assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(2);
				List<String> cells = new ArrayList<>();
				sheet.getRow(1).forEach(cell -> cells.add(new DataFormatter().formatCellValue(cell)));
				assertThat(cells).contains("桂 美月", "就職", "2026/04/01");
			}
			browser.click(driver.findElement(By.id("dashboard-link")));
			assertThat(browser.heading()).startsWith("ダッシュボード");
			for (String chart : List.of("funnel-chart", "days-chart", "removals-chart")) {
				new WebDriverWait(driver, Duration.ofSeconds(10))
					.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
			}
			assertThat(driver.findElement(By.id("funnel-table")).getText()).contains("対象", "提出", "確認完了");
			assertThat(driver.findElement(By.id("removals-table")).getText()).contains("就職");
			assertThat(driver.findElement(By.id("offices-table")).getText()).contains("事業所");
			browser.checkPage("dashboard");
		}
		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			driver.get(url("/survey/" + formId));
			assertThat(driver.findElement(By.id("completed")).getText()).contains("桂 美月", "就職");
			assertThat(driver.findElement(By.id("notice-" + daughter)).getAttribute("href"))
				.endsWith("/survey/" + formId + "/notices/" + daughter + "/notice.pdf");
			assertThat(driver.findElement(By.id("certificate-" + daughter)).getAttribute("href"))
				.endsWith("/survey/" + formId + "/notices/" + daughter + "/certificate.pdf");
			browser.checkPage("survey-notices-phone");
		}
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private int version(long formId) {
		return SubmittedChildForm.reviewVersion(jdbc, formId);
	}

}
