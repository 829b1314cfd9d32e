package jp.kennin.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.SubmittedChildForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuttal window as the member meets it on a phone: the insurer approved the removal
 * of the member's son with a 14-day window; the home page says so first, with the last
 * day; the member follows the link, writes why, attaches a certificate and sends it; the
 * page confirms, the removal is undone and the form is back in the review, marked 反論あり,
 * with the certificate stored for the son. Every page is checked with axe.
 */
@KenninIntegrationTest
class RebuttalBrowserTests {

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
	JdbcClient jdbc;

	@Test
	void the_member_reads_the_scheduled_removal_on_the_home_page_and_responds_with_a_certificate() throws Exception {
		SubmittedChildForm submitted = SubmittedChildForm.create(mvc, fixtures, tenants, roster, campaigns, jdbc, "rb",
				"反論画面健保", "長男", "桂 大地", "カツラ ダイチ", 21, RosterPerson.Gender.MALE);
		Tenant tenant = submitted.tenant();
		Registration member = submitted.member();
		long formId = submitted.formId();
		long son = submitted.child();
		String code = tenant.code();
		ReviewActor reviewer = new ReviewActor(tenant.id(), "rv-" + code, "REVIEWER", null);
		ReviewActor admin = new ReviewActor(tenant.id(), "ad-" + code, "TENANT_ADMIN", null);
		reviews.changeSettings(admin, reviews.settings(tenant.id()).withRebuttalDays(14));
		reviews.start(reviewer, formId);
		reviews.decide(reviewer, formId, version(formId), son, NoticeFixture.remove(2026, 4, 1, LossReason.EMPLOYMENT));
		reviews.approveRemoval(admin, formId, version(formId), son);
		reviews.complete(admin, formId, version(formId));
		Path certificate = Files.createTempFile("kyuyo-shomei", ".pdf");
		Files.write(certificate, TestFiles.pdf(1));

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			browser.submit();
			driver.findElement(By.id("agree")).click();
			browser.submit();
			String banner = driver.findElement(By.id("scheduled-removals")).getText();
			assertThat(banner).contains("削除予定のお知らせ", "桂 大地");
			browser.checkPage("rebuttal-home-banner-phone");
			browser.click(driver.findElement(By.linkText("内容を確認して連絡する")));
			assertThat(browser.heading()).isEqualTo("削除予定のお知らせ");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("桂 大地", "就職");
			browser.checkPage("rebuttal-removals-phone");
			long decision = jdbc.sql("select id from review_decision where dependent_id = ?")
				.param(son)
				.query(Long.class)
				.single();
			browser.type("message-" + decision, "4月の就職は内定取り消しになり、今も収入はありません。");
			driver.findElement(By.id("files-" + decision)).sendKeys(certificate.toString());
			browser.click(driver.findElement(By.cssSelector("#removal-" + decision + " button[type=submit]")));
			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("ご連絡を受け付けました");
			assertThat(driver.findElement(By.tagName("main")).getText()).contains("削除予定の被扶養者はいません");
			browser.checkPage("rebuttal-sent-phone");
		}
		finally {
			Files.deleteIfExists(certificate);
		}
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("IN_REVIEW");
		assertThat(jdbc.sql("select rebuttal_at from survey_form where id = ?")
			.param(formId)
			.query(Instant.class)
			.single()).isNotNull();
		assertThat(jdbc
			.sql("select count(*) from uploaded_document d join roster_person p on p.id = d.subject_person_id "
					+ "where d.tenant_id = ? and p.edaban = '01' and d.original_name like 'kyuyo-shomei%'")
			.param(tenant.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private int version(long formId) {
		return SubmittedChildForm.reviewVersion(jdbc, formId);
	}

}
