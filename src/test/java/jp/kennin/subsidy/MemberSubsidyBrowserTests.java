package jp.kennin.subsidy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 375 px phone a member opens インフルエンザ補助金申請 from the home page, claims for the child:
 * a shot date outside the window is refused next to the field with the rest kept, the
 * corrected form shows the computed subsidy, the receipt photo is uploaded, sending
 * without the five checks says so, sending with them shows the receipt number and mails
 * it. The insurer's administrator approves it on the desktop, closes a payment batch,
 * downloads the payroll list (Windows-31J) and marks the batch paid; the member then sees
 * 支給済み with the claim's history. Every page is checked with axe.
 */
@KenninIntegrationTest
class MemberSubsidyBrowserTests {

	static final String STAFF_PASSWORD = "Subsidy-phone-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Roster roster;

	@Autowired
	Subsidies subsidies;

	@Autowired
	StaffAccounts staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_member_claims_for_a_child_with_a_receipt_photo_and_sees_the_decision() throws Exception {
		clock.setInstant(Instant.parse("2026-11-16T01:00:00Z"));
		Registration member = Registration.register(mvc, fixtures);
		long tenant = member.tenant().id();
		subsidies.saveRules(new StaffActor("setup", StaffActor.TENANT_ADMIN, tenant), SubsidyRules.suggested(2026));
		RosterPerson insured = member.person();
		roster.upsert(tenant,
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "02", false, "長女",
						RelationshipCategory.CHILD, "御室 すみれ", "オムロ スミレ", LocalDate.of(2018, 8, 8),
						RosterPerson.Gender.FEMALE, null, null, null, true, null, true)));
		long child = roster.household(tenant, insured.kigo(), insured.bango())
			.stream()
			.filter(p -> p.edaban().equals("02"))
			.findFirst()
			.orElseThrow()
			.id();
		Path photo = Files.createTempFile("receipt", ".jpg");
		Files.write(photo, TestFiles.jpeg(TestFiles.photo(1600, 1200, 42, 12), 0.85f));
		String base = "http://localhost:" + port;
		long claimId;

		try (Browser phone = Browser.open(Browser.PHONE)) {
			WebDriver driver = phone.driver();
			driver.get(base + "/login");
			phone.type("userId", member.userId());
			phone.type("password", member.password());
			phone.submit();
			driver.findElement(By.id("agree")).click();
			phone.submit();
			phone.click(driver.findElement(By.linkText("インフルエンザ補助金申請")));
			assertThat(phone.heading()).isEqualTo("インフルエンザ補助金申請");
			assertThat(driver.findElement(By.id("remaining-" + child)).getText()).isEqualTo("残りの補助額：2,000円（2回まで）");
			phone.checkPage("subsidy-member-overview");

			phone.click(driver.findElement(By.id("claim-" + child + "-1")));
			assertThat(phone.heading()).isEqualTo("御室 すみれさんの接種（1回目）");
			date(driver, "2026-09-20");
			phone.type("clinic", "すみれ小児科クリニック");
			phone.type("paidYen", "3500");
			phone.click(driver.findElement(By.id("claim-next")));
			assertThat(driver.findElement(By.id("shotDate-error")).getText()).contains("接種日が補助の対象となる期間外です。");
			assertThat(driver.findElement(By.id("clinic")).getAttribute("value")).isEqualTo("すみれ小児科クリニック");
			phone.checkPage("subsidy-member-form-error");

			date(driver, "2026-11-02");
			phone.click(driver.findElement(By.id("claim-next")));
			assertThat(driver.findElement(By.id("computed-amount")).getText()).isEqualTo("2,000円");
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("下書き");
			claimId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/claims/(\\d+).*", "$1"));
			phone.checkPage("subsidy-member-claim-draft");

			driver.findElement(By.cssSelector("#receipt input[type=file]")).sendKeys(photo.toAbsolutePath().toString());
			phone.click(driver.findElement(By.cssSelector("#receipt form.document-upload button[type=submit]")));
			assertThat(driver.findElement(By.cssSelector("#receipt .document-files")).getText()).contains(".jpg");

			phone.click(driver.findElement(By.id("send-claim")));
			assertThat(driver.findElement(By.id("send-refusal")).getText()).contains("5つの項目をすべて確かめて");
			for (WebElement box : driver.findElements(By.cssSelector("#checks input[type=checkbox]"))) {
				if (!box.isSelected()) {
					box.click();
				}
			}
			phone.click(driver.findElement(By.id("send-claim")));
			assertThat(driver.findElement(By.id("sent")).getText()).contains("受付番号：IF2026-");
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("送信済");
			phone.checkPage("subsidy-member-claim-sent");
		}
		assertThat(fixtures.lastMailTo(member.email()).subject()).endsWith("申請を受け付けました");

		String adminId = "msb-" + member.tenant().code();
		staff.create(adminId, "支給 冬子", StaffRole.TENANT_ADMIN, tenant, STAFF_PASSWORD);
		try (Browser desk = Browser.open(Browser.DESKTOP)) {
			desk.staffFirstLogin(base, adminId, STAFF_PASSWORD, clock);
			WebDriver driver = desk.driver();
			driver.get(base + "/admin/subsidy/claims/" + claimId);
			Browser.awaitLoaded(driver);
			assertThat(driver.findElement(By.id("claim-facts")).getText()).contains("すみれ小児科クリニック");
			for (String item : new String[] { "SHOT_DATE", "NAME", "AMOUNT", "CLINIC", "WORDING" }) {
				driver.findElement(By.id("check-" + item)).click();
			}
			desk.click(driver.findElement(By.id("approve-button")));
			assertThat(driver.findElement(By.id("claim-status")).getText()).isEqualTo("支給決定");

			// The payment batch: close now, the payroll list for the employer, 支給済み.
			driver.get(base + "/admin");
			Browser.awaitLoaded(driver);
			desk.click(driver.findElement(By.linkText("インフルエンザ補助金の支給")));
			assertThat(driver.findElement(By.id("payments-waiting")).getText()).contains("2,000");
			desk.click(driver.findElement(By.id("close-now")));
			assertThat(driver.findElement(By.id("batch-total")).getText()).contains("2,000");
			String list = new String(desk.download(driver.findElement(By.id("download-csv"))),
					Charset.forName("Windows-31J"));
			assertThat(list).contains(insured.kigo(), insured.bango(), "御室 太郎", "御室 すみれ", "2000");
			driver.navigate().refresh();
			Browser.awaitLoaded(driver);
			desk.click(driver.findElement(By.id("mark-paid")));
			assertThat(driver.findElement(By.id("batch-done")).isDisplayed()).isTrue();
			desk.checkPage("subsidy-payment-batch-paid");
		}
		assertThat(fixtures.lastMailTo(member.email()).body()).contains("補助金を支給しました", "2,000円");

		try (Browser phone = Browser.open(Browser.PHONE)) {
			WebDriver driver = phone.driver();
			driver.get(base + "/login");
			phone.type("userId", member.userId());
			phone.type("password", member.password());
			phone.submit();
			driver.get(base + "/subsidy");
			Browser.awaitLoaded(driver);
			assertThat(driver.findElement(By.id("claim-row-" + claimId)).getText()).contains("支給済み", "2,000円", "支給");
			phone.click(driver.findElement(By.cssSelector("#claim-row-" + claimId + " a")));
			assertThat(driver.findElement(By.id("paid-note")).getText()).contains("2,000円");
			assertThat(driver.findElement(By.id("claim-history")).getText()).contains("送信済", "処理中", "支給決定", "支給済み");
			phone.checkPage("subsidy-member-claim-paid");
		}
	}

	/** Sets the date input as the phone's date picker would. */
	private static void date(WebDriver driver, String isoDate) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.id("shotDate")), isoDate);
	}

}
