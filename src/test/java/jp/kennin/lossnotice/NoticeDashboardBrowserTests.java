package jp.kennin.lossnotice;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
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
import jp.kennin.platform.JapanTime;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
		String code = "nb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(code, "通知画面健保", code + "@kenpo.example", "通知画面健保",
				new Tenant.SupportDesk("通知画面健保 適用グループ", "0120-000-444", "平日9時～17時", null, null),
				PasswordPolicyPreset.SEED));
		Registration member = Registration.register(mvc, fixtures, tenant);
		RosterPerson insured = member.person();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "01", false, "長女",
						RelationshipCategory.CHILD, "桂 美月", "カツラ ミツキ", today.minusYears(20), RosterPerson.Gender.FEMALE,
						null, null, null, true, null, true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens, opens.plus(Duration.ofDays(30)), false,
						"", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long daughter = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		RequestPostProcessor household = TestMember.of(tenant.id(), insured.kigo(), insured.bango());
		mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, daughter).with(household)
			.with(csrf())
			.param("version", "0")
			.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, daughter).with(household)
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(answerVersion(daughter)))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/survey/{f}/submit", formId).with(household).with(csrf()))
			.andExpect(status().is3xxRedirection());
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
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

}
