package jp.kennin.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jp.kennin.document.internal.TestFiles;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Axe;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member on a phone uploads a photo and a PDF through the real upload fragment, sees a
 * refusal message, and deletes a file — with the accessibility check on every state of
 * the page.
 */
@KenninIntegrationTest
class DocumentUploadBrowserTests {

	private static final String WARNING = "マイナンバー（個人番号）が記載されている書類は、マイナンバー部分を黒塗りしてからアップロードしてください";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	Documents documents;

	@Test
	void member_uploads_a_photo_and_a_pdf_on_a_phone(@TempDir Path dir) throws Exception {
		Tenant tenant = TestTenants.create(tenants, "ブラウザ健康保険組合");
		String bango = "b" + System.nanoTime() % 100_000_000;
		Path photo = Files.write(dir.resolve("学生証.jpg"),
				TestFiles.withExif(TestFiles.jpeg(TestFiles.photo(1600, 1200, 5, 30), 0.9f), 6, true));
		Path pdf = Files.write(dir.resolve("在学証明書.pdf"), TestFiles.pdf(2));
		Path fake = Files.writeString(dir.resolve("receipt.jpg"), "<html><body>not a photo</body></html>");

		try (Browser browser = Browser.open(Browser.PHONE)) {
			WebDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/test-only/member-login?tenant=" + tenant.id() + "&kigo=01&bango="
					+ bango);
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("提出書類");
			assertThat(driver.findElement(By.cssSelector(".document-warning")).getText()).contains(WARNING);
			assertThat(driver.findElement(By.id("document-OTHER")).getAttribute("accept"))
				.startsWith("image/jpeg,image/png,application/pdf");
			Axe.check(driver);

			uploadButton(driver).click(); // no file: the script answers without a round
											// trip
			assertThat(new WebDriverWait(driver, Duration.ofSeconds(5))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-OTHER-js-error")))
				.getText()).isEqualTo("ファイルを選択してください");
			assertThat(driver.getCurrentUrl()).endsWith("/documents");

			upload(driver, photo);
			assertThat(driver.findElement(By.id("document-OTHER-result")).getText()).isEqualTo("「学生証.jpg」をアップロードしました");
			assertThat(driver.getCurrentUrl()).endsWith("/documents#document-OTHER-result");
			assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("document-OTHER-result");
			WebElement thumb = driver.findElement(By.cssSelector(".document-file__thumb"));
			new WebDriverWait(driver, Duration.ofSeconds(5)).until(
					d -> ((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth;", thumb))
						.intValue() > 0);
			assertThat(
					((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalHeight;", thumb))
						.intValue())
				.as("portrait after orientation")
				.isEqualTo(320);
			Axe.check(driver);

			upload(driver, pdf);
			assertThat(driver.findElement(By.cssSelector(".document-files")).getText()).contains("在学証明書.pdf")
				.contains("PDF・2ページ");

			upload(driver, fake);
			assertThat(driver.findElement(By.id("document-OTHER-error")).getText())
				.contains("JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください");
			assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
				.contains("JPEG、PNG、HEIC、PDF のいずれかのファイルを選択してください");
			assertThat(driver.findElement(By.id("document-OTHER")).getAttribute("aria-invalid")).isEqualTo("true");
			Axe.check(driver);
			browser.screenshot("documents-phone");

			driver.findElements(By.cssSelector(".document-file"))
				.stream()
				.filter(li -> li.getText().contains("在学証明書.pdf"))
				.findFirst()
				.orElseThrow()
				.findElement(By.cssSelector("button[type=submit]"))
				.click();
			new WebDriverWait(driver, Duration.ofSeconds(10))
				.until(d -> d.findElements(By.cssSelector(".document-file")).size() == 1);
			assertThat(driver.findElement(By.id("document-OTHER-result")).getText()).isEqualTo("「在学証明書.pdf」を削除しました");
			assertThat(driver.findElements(By.cssSelector(".document-file"))).hasSize(1);
			Axe.check(driver);
		}
		assertThat(documents.list(new DocumentOwner(tenant.id(), "01", bango))).extracting(StoredDocument::originalName)
			.containsExactly("学生証.jpg");
	}

	private static WebElement uploadButton(WebDriver driver) {
		return driver.findElement(By.cssSelector("form[data-document-upload] button[type=submit]"));
	}

	private static void upload(WebDriver driver, Path file) {
		driver.findElement(By.id("document-OTHER")).sendKeys(file.toAbsolutePath().toString());
		WebElement button = uploadButton(driver);
		button.click();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		Browser.awaitGone(driver, button); // the next page has replaced this one
		wait.until(d -> !d.findElements(By.cssSelector(".notification-banner, #document-OTHER-error")).isEmpty());
	}

}
