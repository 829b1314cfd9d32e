package jp.kennin.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import jp.kennin.document.DocumentOwner;
import jp.kennin.document.Documents;
import jp.kennin.roster.Roster;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * On a desktop a reviewer opens a dependent's PDF from the review screen: the viewer
 * shows the server-rendered page image (never the PDF), turns and zooms it with the
 * buttons and the keyboard, goes to the next page and returns to the dependent on the
 * review screen. The viewer passes axe.
 */
@KenninIntegrationTest
class DocumentViewerBrowserTests {

	static final String PASSWORD = "Viewer-browser-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

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
	StaffAccounts accounts;

	@Autowired
	Documents documents;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void reviewer_turns_zooms_and_pages_through_a_pdf_shown_as_images() throws Exception {
		ReviewFixture f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
		long child = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(f.childId)
			.query(Long.class)
			.single();
		long pdf = documents
			.store(new DocumentOwner(f.tenant.id(), "9", f.bango), child, "OTHER", "在学証明書.pdf", twoPages())
			.id();
		f.submit();
		String login = "vw-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(login, "閲覧 担当", StaffRole.REVIEWER, f.tenant.id(), PASSWORD);

		try (Browser browser = Browser.open(Browser.DESKTOP)) {
			WebDriver driver = browser.driver();
			JavascriptExecutor js = (JavascriptExecutor) driver;
			browser.staffFirstLogin(url(""), login, PASSWORD, clock);
			driver.get(url("/admin/reviews/" + f.formId));
			browser.click(driver.findElement(By.linkText("在学証明書.pdf を開く")));
			assertThat(browser.heading()).isEqualTo("書類：在学証明書.pdf");

			WebElement image = driver.findElement(By.id("viewer-image"));
			assertThat(image.getAttribute("src")).endsWith("/admin/documents/" + pdf + "/pages/1.png");
			awaitImage(driver, image);
			assertThat(naturalWidth(js, image)).isBetween(1070, 1080);
			WebElement viewer = driver.findElement(By.id("document-viewer"));
			WebElement status = driver.findElement(By.id("viewer-status"));
			assertThat(status.getText()).isEqualTo("倍率 100%・回転 0°");
			double fitted = width(js, image);
			assertThat(fitted).isLessThan(1080);

			driver.findElement(By.id("viewer-rotate")).click();
			assertThat(status.getText()).isEqualTo("倍率 100%・回転 90°");
			assertThat(viewer.getAttribute("class")).contains("document-viewer--rotate-90");
			browser.checkPage("document-viewer-rotated");
			// Turned, the page's long side now fits the width of the viewing area.
			double turned = width(js, image);
			assertThat(turned).isLessThan(fitted);

			driver.findElement(By.id("viewer-zoom-in")).click();
			assertThat(status.getText()).isEqualTo("倍率 125%・回転 90°");
			assertThat(width(js, image)).isCloseTo(turned * 1.25, offset(2.0));
			driver.findElement(By.id("viewer-zoom-out")).click();
			driver.findElement(By.id("viewer-zoom-out")).click();
			assertThat(status.getText()).isEqualTo("倍率 75%・回転 90°");

			driver.findElement(By.id("viewer-reset")).click();
			assertThat(status.getText()).isEqualTo("倍率 100%・回転 0°");
			assertThat(viewer.getAttribute("class")).doesNotContain("document-viewer--rotate-");
			// From the keyboard: the viewing area takes focus, r turns, + zooms.
			driver.findElement(By.id("viewer-stage")).sendKeys("r+");
			assertThat(status.getText()).isEqualTo("倍率 125%・回転 90°");

			browser.click(driver.findElement(By.id("viewer-next")));
			assertThat(driver.findElement(By.id("viewer-page")).getText()).isEqualTo("2 / 2 ページ");
			WebElement second = driver.findElement(By.id("viewer-image"));
			awaitImage(driver, second);
			assertThat(naturalWidth(js, second))
				.isGreaterThan(((Number) js.executeScript("return arguments[0].naturalHeight;", second)).intValue());
			browser.checkPage("document-viewer-page-2");

			browser.click(driver.findElement(By.id("viewer-back")));
			assertThat(browser.heading()).isEqualTo("審査：9-" + f.bango);
			assertThat(driver.getCurrentUrl()).endsWith("/admin/reviews/" + f.formId + "#dep-" + f.childId);
		}
	}

	private static void awaitImage(WebDriver driver, WebElement image) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> naturalWidth((JavascriptExecutor) d, image) > 0
				&& Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].complete;", image)));
	}

	private static int naturalWidth(JavascriptExecutor js, WebElement image) {
		return ((Number) js.executeScript("return arguments[0].naturalWidth;", image)).intValue();
	}

	/** The image's drawn width before rotation (the layout width, not the turned box). */
	private static double width(JavascriptExecutor js, WebElement image) {
		return ((Number) js.executeScript("return arguments[0].offsetWidth;", image)).doubleValue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static byte[] twoPages() {
		try (PDDocument doc = new PDDocument()) {
			for (PDRectangle size : List.of(PDRectangle.A4,
					new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()))) {
				PDPage page = new PDPage(size);
				doc.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.setNonStrokingColor(0.1f, 0.2f, 0.7f);
					content.addRect(50, 50, 300, 150);
					content.fill();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
