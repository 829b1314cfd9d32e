package jp.kennin.account;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import jp.kennin.notice.Notices;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member home page on a 375 px phone: the survey is one big button above the fold
 * with its status and deadline, nothing 準備中 is offered as a link; an insurer's notice and
 * the campaign instructions show their Markdown safely (headings, bold; a script stays
 * inert), a notice's PDF downloads; the manual an insurer admin wrote is reached from the
 * menu and the footer.
 */
@KenninIntegrationTest
class MemberHomeBrowserTests {

	static final String SCRIPT = "<script>window.kenninInjected = 1;</script>";

	static final byte[] PDF = ("%PDF-1.4\n% 調査の手引き\n" + "x".repeat(3000)).getBytes(StandardCharsets.UTF_8);

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Notices notices;

	@Autowired
	StaffAccounts staff;

	@Autowired
	MutableClock clock;

	@Test
	void the_survey_is_a_big_button_above_the_fold_and_nothing_not_built_is_a_link() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		openSurvey(member, "## 提出のしかた\n\n**回答期限までに**提出してください。\n\n" + SCRIPT);

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			logIn(browser, member);

			WebElement cta = driver.findElement(By.cssSelector("#survey .home-survey__button"));
			assertThat(cta.getText()).isEqualTo("調査票に回答する");
			assertThat(cta.getTagName()).isEqualTo("a");
			assertThat(aboveTheFold(driver, cta)).as("the survey button is visible without scrolling").isTrue();
			assertThat(cta.getSize().getWidth()).as("full width on the phone").isGreaterThan(300);
			String panel = driver.findElement(By.id("survey")).getText();
			assertThat(panel).contains("未作成の調査票があります").contains("回答期限：").contains("（あと21日）");
			assertThat(driver.findElement(By.linkText("インフルエンザ補助金申請")).getAttribute("href")).endsWith("/subsidy");
			for (String notBuilt : List.of("各種申請・登録", "お役立ち", "その他")) {
				assertThat(driver.findElements(By.partialLinkText(notBuilt))).as(notBuilt + " is no link").isEmpty();
			}
			assertThat(driver.findElements(By.partialLinkText("準備中"))).isEmpty();
			assertThat(driver.findElement(By.cssSelector(".home-soon")).getText())
				.isEqualTo("準備中のメニュー：各種申請・登録、お役立ち、その他");
			browser.checkPage("member-home-phone");

			browser.click(cta);
			WebElement instructions = driver.findElement(By.cssSelector("#content .prose"));
			assertThat(instructions.findElement(By.tagName("h2")).getText()).isEqualTo("提出のしかた");
			assertThat(instructions.findElement(By.tagName("strong")).getText()).isEqualTo("回答期限までに");
			assertInert(driver, instructions);
			browser.checkPage("member-survey-instructions-phone");
		}
	}

	@Test
	void an_insurer_notice_shows_its_markdown_safely_and_its_pdf_downloads() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		long id = notices.create(member.tenant().id(), JapanTime.today(clock), "調査の持ち物",
				"## 用意するもの\n\n- **記号・番号**がわかるもの\n- 所得証明書\n\n" + SCRIPT, null, null);
		notices.attach(member.tenant().id(), id, "調査の手引き.pdf", PDF.length, new ByteArrayInputStream(PDF));

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			logIn(browser, member);
			browser.click(driver.findElement(By.linkText("調査の持ち物")));

			assertThat(browser.heading()).isEqualTo("調査の持ち物");
			WebElement body = driver.findElement(By.cssSelector("#content .prose"));
			assertThat(body.findElement(By.tagName("h2")).getText()).isEqualTo("用意するもの");
			assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("記号・番号");
			assertThat(body.getText()).doesNotContain("## ").doesNotContain("**");
			assertInert(driver, body);
			WebElement link = driver.findElement(By.partialLinkText("調査の手引き.pdf"));
			assertThat(link.getText()).isEqualTo("調査の手引き.pdf（PDF・3 KB）");
			browser.checkPage("member-notice-phone");

			@SuppressWarnings("unchecked")
			Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
					"""
							const done = arguments[arguments.length - 1];
							fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status,
							  type: r.headers.get('Content-Type'), head: new TextDecoder().decode(b.slice(0, 5)), size: b.byteLength})));""",
					link.getAttribute("href"));
			assertThat(download).containsEntry("status", 200L)
				.containsEntry("type", "application/pdf")
				.containsEntry("head", "%PDF-")
				.containsEntry("size", (long) PDF.length);
		}
	}

	@Test
	void the_manual_an_insurer_admin_writes_is_reached_from_the_home_menu_and_the_footer() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		String adminId = "pgadm-" + member.tenant().code();
		String password = "Manual-page-2026!";
		staff.create(adminId, "マニュアル 担当", StaffRole.TENANT_ADMIN, member.tenant().id(), password);
		String base = "http://localhost:" + port;

		try (Browser admin = Browser.open(Browser.DESKTOP)) {
			admin.staffFirstLogin(base, adminId, password, clock);
			admin.click(admin.driver().findElement(By.linkText("マニュアル・よくあるご質問")));
			assertThat(admin.heading()).endsWith("システム操作マニュアル");
			admin.type("body", "## ユーザー登録\n\n**記号・番号**は資格確認書か資格情報のお知らせで確認できます。");
			admin.submit();
			assertThat(admin.driver().findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("保存しました。");
			admin.checkPage("staff-manual-edit");
		}

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			logIn(browser, member);
			assertThat(driver.findElements(By.linkText("よくあるご質問"))).as("the FAQ is still empty").isEmpty();
			WebElement footer = driver.findElement(By.cssSelector(".site-footer")).findElement(By.linkText("操作マニュアル"));
			assertThat(footer.getAttribute("href")).endsWith("/tenants/" + member.tenant().code() + "/manual");
			browser.click(driver.findElement(By.cssSelector(".menu-grid")).findElement(By.linkText("マニュアル")));

			assertThat(browser.heading()).isEqualTo("システム操作マニュアル");
			WebElement body = driver.findElement(By.cssSelector("#content .prose"));
			assertThat(body.findElement(By.tagName("h2")).getText()).isEqualTo("ユーザー登録");
			assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("記号・番号");
			browser.checkPage("member-manual-phone");
			browser.click(driver.findElement(By.linkText("メイン画面へ戻る")));
			assertThat(browser.heading()).isEqualTo("御室 太郎さん、こんにちは");
		}
	}

	/** No script element survives in the rendered text and none ran. */
	private static void assertInert(WebDriver driver, WebElement rendered) {
		assertThat(rendered.findElements(By.tagName("script"))).isEmpty();
		assertThat(((JavascriptExecutor) driver).executeScript("return window.kenninInjected === undefined;"))
			.isEqualTo(true);
	}

	private static boolean aboveTheFold(WebDriver driver, WebElement element) {
		Object fits = ((JavascriptExecutor) driver).executeScript(
				"const r = arguments[0].getBoundingClientRect(); return window.scrollY === 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
				element);
		return Boolean.TRUE.equals(fits);
	}

	private void logIn(Browser browser, Registration member) {
		browser.driver().get("http://localhost:" + port + "/login");
		browser.type("userId", member.userId());
		browser.type("password", member.password());
		browser.submit();
		browser.driver().findElement(By.id("agree")).click();
		browser.submit();
		assertThat(browser.heading()).isEqualTo("御室 太郎さん、こんにちは");
	}

	/**
	 * A dependent (the wife, 40) and an open campaign with the given instructions,
	 * deadline in three weeks.
	 */
	private void openSurvey(Registration member, String instructions) {
		RosterPerson insured = member.person();
		roster.upsert(member.tenant().id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "01", false, "妻",
						RelationshipCategory.SPOUSE, "御室 花子", "オムロ ハナコ", LocalDate.of(1986, 5, 1),
						RosterPerson.Gender.FEMALE, null, null, null, true, null, true)));
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long id = campaigns.create(member.tenant().id(),
				new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens, deadline, false, instructions,
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(member.tenant().id(), id);
	}

}
