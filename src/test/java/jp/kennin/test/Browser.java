package jp.kennin.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through /usr/bin/chromedriver (never a downloaded
 * browser). Sizes: {@link #DESKTOP} and the phone viewport {@link #PHONE} (375×812).
 */
public final class Browser implements AutoCloseable {

	public static final Dimension DESKTOP = new Dimension(1280, 900);

	public static final Dimension PHONE = new Dimension(375, 812);

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	public static Browser open(Dimension viewport) {
		try {
			Path profile = Files.createTempDirectory("kennin-chrome");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(System.getProperty("kennin.chromium", "/usr/bin/chromium"));
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--lang=ja", "--user-data-dir=" + profile,
					"--window-size=" + viewport.width + "," + viewport.height);
			// Downloads (Content-Disposition: attachment, PDFs too) go to the profile's
			// downloads folder without asking, for download() to pick up.
			options.setExperimentalOption("prefs",
					Map.of("download.default_directory", profile.resolve("downloads").toString(),
							"download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
			if (viewport.width < 500) {
				options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
						Map.of("width", viewport.width, "height", viewport.height, "pixelRatio", 2.0, "touch", true)));
			}
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(System.getProperty("kennin.chromedriver", "/usr/bin/chromedriver")))
				.build();
			// No implicit wait: a test waits explicitly (WebDriverWait) for what it
			// expects, and a findElement that
			// misses fails at once instead of hiding a slow page behind a fixed retry.
			ChromeDriver driver = new ChromeDriver(service, options);
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	/**
	 * Checks the current page as a member would meet it: nothing scrolls sideways, axe
	 * finds no serious or critical violation; then saves a screenshot named {@code name}.
	 */
	public void checkPage(String name) {
		Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
			.as("horizontal overflow on " + name)
			.isLessThanOrEqualTo(0);
		Axe.check(driver);
		screenshot(name);
	}

	/**
	 * A staff member's first login, as they meet it: user ID and password, then the
	 * authenticator app enrolled with the secret shown (its code computed for
	 * {@code clock}), the recovery codes, and on to 管理画面.
	 */
	public void staffFirstLogin(String baseUrl, String loginId, String password, Clock clock) {
		driver.get(baseUrl + "/admin/login");
		type("loginId", loginId);
		type("password", password);
		submit();
		org.assertj.core.api.Assertions.assertThat(heading()).isEqualTo("認証アプリの設定");
		String secret = driver.findElement(org.openqa.selenium.By.id("secret")).getText().replace(" ", "");
		type("code", jp.kennin.staff.internal.StaffTestLogin.code(secret, clock));
		submit();
		org.assertj.core.api.Assertions.assertThat(heading()).isEqualTo("リカバリーコードを保管してください");
		click(driver.findElement(org.openqa.selenium.By.linkText("管理画面へ進む")));
		org.assertj.core.api.Assertions.assertThat(heading()).isEqualTo("管理画面");
	}

	public String heading() {
		return driver.findElement(org.openqa.selenium.By.tagName("h1")).getText();
	}

	public void type(String id, String text) {
		org.openqa.selenium.WebElement field = driver.findElement(org.openqa.selenium.By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/** Submits the first form of the page's content and waits for the next page. */
	public void submit() {
		click(driver.findElement(org.openqa.selenium.By.cssSelector("#content form button[type=submit]")));
	}

	/**
	 * Clicks and waits for the next page to load, so no assertion reads the old one or a
	 * half-loaded one.
	 */
	public void click(org.openqa.selenium.WebElement element) {
		org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
		((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
		awaitGone(driver, page);
		awaitLoaded(driver);
	}

	/**
	 * Waits until the current page has loaded completely (its elements are there to be
	 * found).
	 */
	public static void awaitLoaded(org.openqa.selenium.WebDriver driver) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> "complete"
				.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState;")));
	}

	/**
	 * Waits until {@code element}'s page has been replaced. Like
	 * {@code ExpectedConditions.stalenessOf}, but also takes Chromium's "Node with given
	 * id does not belong to the document" (what it may answer instead of a stale element
	 * reference while the next page loads) as gone.
	 */
	public static void awaitGone(org.openqa.selenium.WebDriver driver, org.openqa.selenium.WebElement element) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				String message = String.valueOf(ex.getMessage());
				if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/**
	 * Clicks a link or button that downloads a file, as a user would, and waits until
	 * Chromium has saved it completely.
	 * @return the saved file's bytes
	 */
	public byte[] download(org.openqa.selenium.WebElement element) {
		Path dir = profile.resolve("downloads");
		try {
			Files.createDirectories(dir);
			driver.executeCdpCommand("Browser.setDownloadBehavior",
					Map.of("behavior", "allow", "downloadPath", dir.toString(), "eventsEnabled", false));
			Set<Path> before;
			try (var files = Files.list(dir)) {
				before = files.collect(Collectors.toSet());
			}
			((org.openqa.selenium.JavascriptExecutor) driver)
				.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
			element.click();
			Path saved = new org.openqa.selenium.support.ui.FluentWait<>(dir).withTimeout(Duration.ofSeconds(30))
				.pollingEvery(Duration.ofMillis(100))
				.until(d -> {
					try (var files = Files.list(d)) {
						return files.filter(f -> !before.contains(f))
							.filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
							.filter(f -> !f.getFileName().toString().startsWith("."))
							.findFirst()
							.orElse(null);
					}
					catch (IOException ex) {
						return null;
					}
				});
			return Files.readAllBytes(saved);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Saves a screenshot under target/screenshots for a human to look at. */
	public void screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// A leftover temp profile is harmless.
		}
	}

}
