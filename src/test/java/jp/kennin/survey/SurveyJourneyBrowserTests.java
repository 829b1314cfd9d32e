package jp.kennin.survey;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * On a phone, a member answers the survey for two dependents — a mother living apart who gets a monthly
 * remittance, and a student aged 20 earning 1,400,000 yen — uploads a photo and a PDF, sees the right
 * income limits, warnings and documents, submits, and finds the receipt mail.
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
		roster.upsert(tenant.id(), List.of(
				dependent(member, "01", "母", RelationshipCategory.PARENT, "御室 ハル", "オムロ ハル",
						LocalDate.of(year - 70, 6, 1), false),
				dependent(member, "02", "長男", RelationshipCategory.CHILD, "御室 学", "オムロ マナブ",
						LocalDate.of(year - 20, 3, 15), true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = today.plusWeeks(3).atTime(LocalTime.of(23, 59)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(), new CampaignDraft(year + "年度 被扶養者資格調査", today, opens, deadline,
				false, "期限までに提出してください。", new TargetRules(null, null, null,
						EnumSet.of(RelationshipCategory.PARENT, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		Path photo = photo();
		Path pdf = pdf();

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get(url("/login"));
			type(driver, "userId", member.userId());
			type(driver, "password", member.password());
			submit(driver);
			driver.findElement(By.id("agree")).click();
			submit(driver);
			assertThat(heading(driver)).isEqualTo("御室 太郎さん、こんにちは");
			assertThat(driver.getPageSource()).contains("未作成の調査票があります").contains("あと21日");
			check(browser, "home");

			click(driver, driver.findElement(By.linkText("被扶養者資格調査")));
			assertThat(heading(driver)).isEqualTo(year + "年度 被扶養者資格調査");
			check(browser, "tasks");

			// The mother lives apart and gets 30,000 yen a month; her pension is 1,000,000 yen a year.
			click(driver, driver.findElement(By.partialLinkText("御室 ハルさん（母）")));
			check(browser, "continuation");
			choose(driver, "continuation", "CONTINUE");
			submit(driver);
			choose(driver, "living", "APART");
			type(driver, "address", "大阪府大阪市北区梅田１－１");
			type(driver, "remittance", "３万");
			choose(driver, "remittanceMethod", "TRANSFER");
			check(browser, "living");
			submit(driver);
			choose(driver, "occupations", "PENSIONER");
			submit(driver);
			type(driver, "incomePension", "1,000,000");
			check(browser, "income");
			submit(driver);
			choose(driver, "residence", "DOMESTIC");
			submit(driver);
			choose(driver, "disabled", "no");
			submit(driver);
			assertThat(driver.getPageSource()).contains("年間収入の基準：180万円未満")
				.contains("仕送り額（1年分で36万円）以上のため");
			upload(driver, 0, pdf);
			assertThat(driver.getPageSource()).contains("pension.pdf");
			check(browser, "section-mother");
			complete(driver);

			// The son is a student aged 20 on 31 December, living at home, earning 1,400,000 yen.
			click(driver, driver.findElement(By.partialLinkText("御室 学さん（長男）")));
			choose(driver, "continuation", "CONTINUE");
			submit(driver);
			choose(driver, "living", "TOGETHER");
			submit(driver);
			choose(driver, "occupations", "STUDENT");
			choose(driver, "occupations", "PART_TIME");
			type(driver, "schoolName", "検認大学");
			type(driver, "schoolGrade", "2年");
			check(browser, "occupation");
			submit(driver);
			type(driver, "incomeSalary", "１４０万");
			submit(driver);
			choose(driver, "residence", "DOMESTIC");
			submit(driver);
			choose(driver, "disabled", "no");
			submit(driver);
			assertThat(driver.getPageSource()).contains("年間収入の基準：150万円未満")
				.doesNotContain("年間収入見込額が150万円以上");
			upload(driver, 0, photo);
			assertThat(driver.findElements(By.cssSelector("img.document-file__thumb"))).isNotEmpty();
			check(browser, "section-student");
			complete(driver);

			click(driver, driver.findElement(By.linkText("回答内容を確認して提出する")));
			assertThat(heading(driver)).isEqualTo("回答内容を確認して提出してください");
			assertThat(driver.getPageSource()).contains("1,400,000円").contains("仕送り 月額 30,000円")
				.contains("pension.pdf").contains("student-card.jpg");
			check(browser, "check");
			submit(driver);
			assertThat(heading(driver)).isEqualTo("提出が完了しました");
			String receipt = driver.findElement(By.cssSelector(".survey-panel__number")).getText();
			assertThat(receipt).matches("\\d{4}-\\d{4}-\\d{7}");
			check(browser, "receipt");
			assertThat(driver.findElement(By.linkText("回答の控え（PDF）をダウンロード")).getAttribute("href"))
				.endsWith("/receipt.pdf");

			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300)).until(() -> {
				driver.get(url("/dev/mail"));
				return driver.getPageSource().contains("受付番号 " + receipt);
			});
			click(driver, driver.findElement(By.partialLinkText("受付番号 " + receipt)));
			assertThat(driver.findElement(By.tagName("main")).getText()).contains(member.email())
				.contains("受付番号：" + receipt);
		}
	}

	private static RosterPerson dependent(Registration member, String edaban, String relationship,
			RelationshipCategory category, String name, String kana, LocalDate birth, boolean together) {
		RosterPerson insured = member.person();
		return new RosterPerson(0, 0, insured.kigo(), insured.bango(), edaban, false, relationship, category, name, kana,
				birth, RosterPerson.Gender.FEMALE, null, null, null, together, null, true);
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

	private void upload(WebDriver driver, int slot, Path file) {
		WebElement form = driver.findElements(By.cssSelector("form.document-upload")).get(slot);
		form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
		click(driver, form.findElement(By.cssSelector("button[type=submit]")));
	}

	private static void complete(WebDriver driver) {
		driver.findElement(By.id("completed-yes")).click();
		click(driver, driver.findElement(By.cssSelector("form[action$='/complete'] button[type=submit]")));
	}

	private static void choose(WebDriver driver, String name, String value) {
		driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
	}

	private void check(Browser browser, String name) {
		WebDriver driver = browser.driver();
		Object overflow = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + name).isLessThanOrEqualTo(0);
		Axe.check(driver);
		browser.screenshot("survey-" + name + "-phone");
	}

	private static String heading(WebDriver driver) {
		return driver.findElement(By.tagName("h1")).getText();
	}

	private static void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void submit(WebDriver driver) {
		click(driver, driver.findElement(By.cssSelector("#content form button[type=submit]")));
		// Every page the member reaches is checked, not only the ones with a screenshot.
		Axe.check(driver);
	}

	private static void click(WebDriver driver, WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	static Matcher receiptIn(String text) {
		return Pattern.compile("\\d{4}-\\d{4}-\\d{7}").matcher(text);
	}

}
