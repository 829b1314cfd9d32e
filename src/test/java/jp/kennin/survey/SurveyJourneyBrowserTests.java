package jp.kennin.survey;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a phone, a member answers the survey for two dependents — a mother living apart who
 * gets a monthly remittance, and a student aged 20 earning 1,400,000 yen — uploads a
 * photo and a PDF (seeing each outcome where the file went, a refused file too), sees the
 * right income limits, warnings and documents, is told which documents are missing and
 * must say for each how it comes, submits, adds a document afterwards (marked, never
 * deletable), withdraws after a confirmation, resubmits, and finds the mails.
 */
@KenninIntegrationTest
class SurveyJourneyBrowserTests {

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

	@Test
	void member_answers_for_two_dependents_uploads_documents_and_submits() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		Tenant tenant = member.tenant();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		int year = today.getYear();
		roster.upsert(tenant.id(),
				List.of(dependent(member, "01", "母", RelationshipCategory.PARENT, "御室 ハル", "オムロ ハル",
						LocalDate.of(year - 70, 6, 1), false),
						dependent(member, "02", "長男", RelationshipCategory.CHILD, "御室 学", "オムロ マナブ",
								LocalDate.of(year - 20, 3, 15), true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft(year + "年度 被扶養者資格調査", today, opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.PARENT, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		Path photo = photo();
		Path pdf = pdf();

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			browser.type("userId", member.userId());
			browser.type("password", member.password());
			submitChecked(browser);
			driver.findElement(By.id("agree")).click();
			submitChecked(browser);
			assertThat(browser.heading()).isEqualTo("御室 太郎さん、こんにちは");
			assertThat(driver.getPageSource()).contains("未作成の調査票があります").contains("あと21日");
			browser.checkPage("survey-home");

			browser.click(driver.findElement(By.linkText("調査票に回答する")));
			assertThat(browser.heading()).isEqualTo(year + "年度 被扶養者資格調査");
			browser.checkPage("survey-tasks");

			// The mother lives apart and gets 30,000 yen a month; her pension is
			// 1,000,000 yen a year.
			browser.click(driver.findElement(By.partialLinkText("御室 ハルさん（母）")));
			browser.checkPage("survey-continuation");
			choose(driver, "continuation", "CONTINUE");
			submitChecked(browser);
			// The answer to the background save comes late (2.5 s): 「保存して次へ」 clicked
			// while it is on its
			// way must wait for the new version instead of being taken for a stale tab's
			// save.
			((JavascriptExecutor) driver).executeScript("""
					var realFetch = window.fetch;
					window.fetch = function () {
					  window.kenninAutosaveSent = true;
					  return realFetch.apply(this, arguments).then(function (r) {
					    return new Promise(function (resolve) { setTimeout(function () { resolve(r); }, 2500); });
					  });
					};""");
			choose(driver, "living", "APART");
			browser.type("address", "大阪府大阪市北区梅田１－１");
			browser.type("remittance", "３万");
			choose(driver, "remittanceMethod", "TRANSFER");
			browser.checkPage("survey-living");
			new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE
				.equals(((JavascriptExecutor) d).executeScript("return window.kenninAutosaveSent === true;")));
			submitChecked(browser);
			assertThat(driver.getPageSource()).doesNotContain("先に保存されました");
			choose(driver, "occupations", "PENSIONER");
			submitChecked(browser);
			browser.type("incomePension", "1,000,000");
			browser.checkPage("survey-income");
			submitChecked(browser);
			choose(driver, "residence", "DOMESTIC");
			submitChecked(browser);
			choose(driver, "disabled", "no");
			submitChecked(browser);
			assertThat(driver.getPageSource()).contains("年間収入の基準：180万円未満").contains("仕送り額（1年分で36万円）以上のため");
			// A file that is not a photo or PDF: the refusal shows where the file was
			// chosen, not 1,800 px below.
			upload(browser, 0, fake());
			WebElement refusal = slotMessage(driver, "alert");
			assertThat(refusal.getText()).contains("JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください");
			assertInViewport(driver, refusal);
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
				.contains("JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください");
			browser.checkPage("survey-upload-refused");
			upload(browser, 0, pdf);
			WebElement uploaded = slotMessage(driver, "status");
			assertThat(uploaded.getText()).isEqualTo("「pension.pdf」をアップロードしました");
			assertInViewport(driver, uploaded);
			assertThat(driver.getCurrentUrl()).endsWith("-result");
			assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo(uploaded.getAttribute("id"));
			assertThat(driver.findElement(By.cssSelector(".notification-banner--success")).getText())
				.as("the summary at the top says it too")
				.contains("「pension.pdf」をアップロードしました");
			browser.checkPage("survey-section-mother");
			complete(browser);
			// Answered, but two of her three documents are not there: the task list says
			// which.
			assertThat(driver.findElement(By.cssSelector(".task-list")).getText()).contains("書類が不足しています")
				.contains("年金額改定通知書または年金振込通知書：まだアップロードしていません")
				.contains("仕送りの証明（振込の控えまたは通帳の写し）：まだアップロードしていません");

			// The son is a student aged 20 on 31 December, living at home, earning
			// 1,400,000 yen.
			browser.click(driver.findElement(By.partialLinkText("御室 学さん（長男）")));
			choose(driver, "continuation", "CONTINUE");
			submitChecked(browser);
			choose(driver, "living", "TOGETHER");
			submitChecked(browser);
			choose(driver, "occupations", "STUDENT");
			choose(driver, "occupations", "PART_TIME");
			browser.type("schoolName", "検認大学");
			browser.type("schoolGrade", "2年");
			browser.checkPage("survey-occupation");
			submitChecked(browser);
			browser.type("incomeSalary", "１４０万");
			submitChecked(browser);
			choose(driver, "residence", "DOMESTIC");
			submitChecked(browser);
			choose(driver, "disabled", "no");
			submitChecked(browser);
			assertThat(driver.getPageSource()).contains("年間収入の基準：150万円未満").doesNotContain("年間収入見込額が150万円以上");
			upload(browser, 0, photo);
			assertThat(driver.findElements(By.cssSelector("img.document-file__thumb"))).isNotEmpty();
			browser.checkPage("survey-section-student");
			complete(browser);

			browser.click(driver.findElement(By.linkText("回答内容を確認して提出する")));
			assertThat(browser.heading()).isEqualTo("回答内容を確認して提出してください");
			assertThat(driver.getPageSource()).contains("1,400,000円")
				.contains("仕送り 月額 30,000円")
				.contains("pension.pdf")
				.contains("student-card.jpg");
			assertThat(driver.findElements(By.cssSelector("fieldset.survey-missing"))).hasSize(4);
			browser.checkPage("survey-check");
			// 「提出する」 with four documents missing and nothing said about them: refused,
			// each one named.
			submitChecked(browser);
			assertThat(browser.heading()).isEqualTo("回答内容を確認して提出してください");
			WebElement summary = driver.findElement(By.cssSelector(".error-summary"));
			assertThat(summary.getText()).contains("提出できませんでした")
				.contains("御室 ハルさん（母）の「年金額改定通知書または年金振込通知書」：「郵送で提出する」か「提出できない」を選んでください。")
				.contains("御室 学さん（長男）の「在学証明書または学生証の写し」：「郵送で提出する」か「提出できない」を選んでください。");
			assertThat(summary.findElements(By.tagName("li"))).hasSize(4);
			browser.checkPage("survey-check-refused");
			List<WebElement> missing = driver.findElements(By.cssSelector("fieldset.survey-missing"));
			for (int i = 0; i < 3; i++) {
				browser.driver()
					.findElement(By.id(missing.get(i).getAttribute("id").replace("missing-", "choice-") + "-MAIL"))
					.click();
			}
			String last = missing.get(3).getAttribute("id").replace("missing-", "");
			WebElement reason = driver.findElement(By.id("reason-" + last));
			assertThat(reason.isDisplayed()).as("the reason is asked only for 「提出できない」").isFalse();
			driver.findElement(By.id("choice-" + last + "-UNABLE")).click();
			reason.sendKeys("大学の窓口が休みのため、来週取得します");
			submitChecked(browser);
			assertThat(browser.heading()).isEqualTo("提出が完了しました");
			String receipt = driver.findElement(By.cssSelector(".survey-panel__number")).getText();
			assertThat(receipt).matches("\\d{4}-\\d{4}-\\d{7}");
			assertThat(driver.getPageSource()).contains("郵送で提出する書類");
			browser.checkPage("survey-receipt");
			assertThat(driver.findElement(By.linkText("回答の控え（PDF）をダウンロード")).getAttribute("href"))
				.endsWith("/receipt.pdf");

			// After submission a document can still be added, marked for staff, and
			// nothing can be deleted.
			browser.click(driver.findElement(By.linkText("調査票へ戻る")));
			browser.click(driver.findElement(By.partialLinkText("御室 学さん（長男）")));
			assertThat(driver.getPageSource()).contains("この調査票は提出済みです。書類を追加することはできますが");
			assertThat(driver.findElements(By.cssSelector(".document-file__delete"))).isEmpty();
			upload(browser, 2, pdf);
			WebElement added = slotMessage(driver, "status");
			assertThat(added.getText()).isEqualTo("「pension.pdf」をアップロードしました");
			assertInViewport(driver, added);
			assertThat(driver.findElement(By.cssSelector(".document-slot .tag")).getText()).startsWith("提出後に追加（");
			assertThat(driver.findElements(By.cssSelector(".document-file__delete"))).isEmpty();
			browser.checkPage("survey-added-after-submission");

			// Withdrawing asks first, on a page of its own that gives the deadline.
			browser.click(driver.findElement(By.linkText("調査票へ戻る")));
			assertThat(driver.findElement(By.id("content")).getText()).doesNotContain("途中でやめても");
			browser.click(driver.findElement(By.linkText("提出を取り消して修正する")));
			assertThat(browser.heading()).isEqualTo("提出を取り消して回答を修正しますか");
			assertThat(driver.findElement(By.id("content")).getText()).contains(receipt)
				.contains("「提出されていない」状態に戻ります")
				.contains(JapanTime.of(deadline).format(DateTimeFormatter.ofPattern("yyyy年M月d日")));
			browser.checkPage("survey-withdraw-confirm");
			submitChecked(browser);
			assertThat(driver.findElement(By.cssSelector(".notification-banner--success")).getText())
				.contains("提出を取り消しました");
			assertThat(driver.findElement(By.id("history-heading")).getText()).isEqualTo("受付番号の履歴");
			browser.click(driver.findElement(By.linkText("回答内容を確認して提出する")));
			submitChecked(browser);
			assertThat(browser.heading()).isEqualTo("提出が完了しました");
			assertThat(driver.findElement(By.cssSelector(".survey-panel__number")).getText()).isEqualTo(receipt + "-2");
			assertThat(driver.findElement(By.cssSelector(".survey-history")).getText())
				.contains("提出（受付番号 " + receipt + "）")
				.contains("提出の取り消し（受付番号 " + receipt + "）")
				.contains("提出（受付番号 " + receipt + "-2）");

			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
				driver.get(url("/dev/mail"));
				return driver.getPageSource().contains("提出を取り消しました（受付番号 " + receipt + "）")
						&& driver.getPageSource().contains("受付番号 " + receipt + "-2");
			});
			browser.click(driver.findElement(By.partialLinkText("受付番号 " + receipt + "-2")));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains(member.email())
				.contains("受付番号：" + receipt);
		}
	}

	private static RosterPerson dependent(Registration member, String edaban, String relationship,
			RelationshipCategory category, String name, String kana, LocalDate birth, boolean together) {
		RosterPerson insured = member.person();
		return new RosterPerson(0, 0, insured.kigo(), insured.bango(), edaban, false, relationship, category, name,
				kana, birth, RosterPerson.Gender.FEMALE, null, null, null, together, null, true);
	}

	private static Path photo() throws Exception {
		BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(java.awt.Color.ORANGE);
		g.fillRect(100, 100, 1000, 600);
		g.dispose();
		Path file = Files.createTempDirectory("kennin-photo").resolve("student-card.jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	private static Path pdf() throws Exception {
		Path file = Files.createTempDirectory("kennin-pdf").resolve("pension.pdf");
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			doc.save(file.toFile());
		}
		return file;
	}

	private static Path fake() throws Exception {
		Path file = Files.createTempDirectory("kennin-fake").resolve("scan.jpg");
		Files.writeString(file, "<html><body>not a photo</body></html>");
		return file;
	}

	/**
	 * The outcome shown in the slot the page came back to (its id is the URL fragment).
	 */
	private static WebElement slotMessage(WebDriver driver, String role) {
		String fragment = driver.getCurrentUrl().replaceFirst("^[^#]*#", "");
		WebElement message = driver.findElement(By.id(fragment));
		assertThat(message.getAttribute("role")).isEqualTo(role);
		return message;
	}

	/** Entirely on screen, as a phone shows it, without scrolling. */
	private static void assertInViewport(WebDriver driver, WebElement element) {
		Boolean visible = (Boolean) ((JavascriptExecutor) driver).executeScript("""
				var r = arguments[0].getBoundingClientRect();
				return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;""", element);
		assertThat(visible).as("%s is in the viewport", element.getAttribute("id")).isTrue();
	}

	/** Every page the member reaches is checked, not only the ones with a screenshot. */
	private static void submitChecked(Browser browser) {
		browser.submit();
		Axe.check(browser.driver());
	}

	private static void upload(Browser browser, int slot, Path file) {
		WebDriver driver = browser.driver();
		WebElement form = driver.findElements(By.cssSelector("form.document-upload")).get(slot);
		form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
		browser.click(form.findElement(By.cssSelector("button[type=submit]")));
	}

	private static void complete(Browser browser) {
		browser.driver().findElement(By.id("completed-yes")).click();
		browser.click(browser.driver().findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));
	}

	private static void choose(WebDriver driver, String name, String value) {
		driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
