package jp.kennin.subsidy.internal;

import java.nio.charset.Charset;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffRole;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyPayments;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.SubsidyTransferSources;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.subsidy.internal.PaymentFixture.Household;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.Browser;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An insurer that pays the subsidy by bank transfer: its administrator closes a batch
 * that one household without an account blocks, holds that household's claim, types a
 * Sunday as 振込指定日 and is told next to the field, with the date kept; then a weekday, and
 * the batch page says the file is made, shows the date and offers the download, whose
 * header carries it as 取組日. Back on the payments page the held claim is listed and
 * released to wait for the next batch. Every page is checked with axe.
 */
@KenninIntegrationTest
class TransferFileBrowserTests {

	static final String PASSWORD = "Transfer-desk-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts staff;

	@Autowired
	Subsidies subsidies;

	@Autowired
	SubsidyPayments payments;

	@Autowired
	SubsidyTransferSources sources;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_administrator_makes_the_transfer_file_for_the_day_the_bank_pays() {
		// Wednesday 2026-12-02, 10:00 in Japan.
		clock.setInstant(Instant.parse("2026-12-02T01:00:00Z"));
		Tenant tenant = TestTenants.create(tenants, "振込指定日テスト健保");
		StaffActor setUp = new StaffActor("set-up", StaffActor.TENANT_ADMIN, tenant.id());
		subsidies.saveRules(setUp, TestRules.paidBy(PaymentRoute.BANK_TRANSFER));
		sources.saveTransferSource(setUp,
				new TransferSource("0123456789", "ﾌﾘｺﾐｹﾝﾎﾟ", "0005", "ﾐﾂﾋﾞｼ", "011", "ﾏﾙﾉｳﾁ", "ORDINARY", "1112223"));
		PaymentFixture fixture = new PaymentFixture(jdbc, tenant.id());
		Household household = fixture.household("47", "3081", "K20", "那覇営業所", "比嘉　良子");
		long child = fixture.dependent(household, "02", "比嘉　海斗");
		fixture.claim(household, child, 2026, "APPROVED", 3_000, Instant.parse("2026-11-30T02:00:00Z"));
		fixture.payee(household, "0188", "305", "4455667", "ヒガ リヨウコ");
		// A household whose member has not registered an account yet.
		Household noAccount = fixture.household("47", "3090", "K20", "那覇営業所", "金城　徹");
		long noAccountClaim = fixture.claim(noAccount, noAccount.insured(), 2026, "APPROVED", 1_500,
				Instant.parse("2026-11-30T03:00:00Z"));
		String adminId = "tfb-" + tenant.code();
		staff.create(adminId, "振込 担当", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		String base = "http://localhost:" + port;

		try (Browser desk = Browser.open(Browser.DESKTOP)) {
			desk.staffFirstLogin(base, adminId, PASSWORD, clock);
			WebDriver driver = desk.driver();
			desk.click(driver.findElement(By.linkText("インフルエンザ補助金の支給")));
			desk.click(driver.findElement(By.id("close-now")));
			assertThat(driver.findElement(By.id("batch-total")).getText()).contains("4,500");
			assertThat(driver.findElement(By.id("batch-payee-problems")).getText()).contains("47-3090", "金城　徹");
			desk.checkPage("subsidy-transfer-blocked");
			desk.click(driver.findElement(By.id("hold-unpayable")));
			assertThat(driver.findElement(By.id("batch-done")).getText()).contains("1件の申請を保留にし");
			assertThat(driver.findElement(By.id("batch-total")).getText()).contains("3,000");
			assertThat(driver.findElements(By.id("batch-payee-problems"))).isEmpty();
			assertThat(driver.findElements(By.id("download-zengin"))).as("no file before the date is chosen").isEmpty();
			desk.checkPage("subsidy-transfer-date");

			date(driver, "2026-12-06");
			desk.click(driver.findElement(By.id("make-zengin")));
			assertThat(driver.findElement(By.id("transferDate-error")).getText()).contains("土曜日・日曜日は指定できません");
			assertThat(driver.findElement(By.cssSelector("#batch-problem a[href='#transferDate']")).getText())
				.as("the summary leads to the field")
				.contains("土曜日・日曜日");
			assertThat(driver.findElement(By.id("transferDate")).getDomProperty("value")).isEqualTo("2026-12-06");
			assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("未出力");
			desk.checkPage("subsidy-transfer-date-refused");

			date(driver, "2026-12-08");
			desk.click(driver.findElement(By.id("make-zengin")));
			assertThat(driver.findElement(By.id("batch-done")).getText()).contains("総合振込ファイルを作成し");
			assertThat(driver.findElement(By.id("batch-transfer-date")).getText()).contains("2026/12/08");
			assertThat(driver.findElements(By.id("transfer-form"))).isEmpty();
			String file = new String(desk.download(driver.findElement(By.id("download-zengin"))),
					Charset.forName("Windows-31J"));
			assertThat(file.substring(54, 58)).as("取組日").isEqualTo("1208");
			assertThat(file).contains("ﾋｶﾞ ﾘﾖｳｺ");
			driver.navigate().refresh();
			Browser.awaitLoaded(driver);
			assertThat(driver.findElement(By.id("batch-status")).getText()).isEqualTo("出力済み（確定）");
			desk.checkPage("subsidy-transfer-file-made");

			// The held claim waits on the payments page until the account is there.
			desk.click(driver.findElement(By.linkText("支給の一覧へ戻る")));
			assertThat(driver.findElement(By.id("held-claim-" + noAccountClaim)).getText()).contains("47-3090",
					"1,500円", adminId);
			assertThat(driver.findElement(By.id("payments-waiting-count")).getText()).contains("0件");
			desk.checkPage("subsidy-payments-held");
			desk.click(driver.findElement(By.cssSelector("#held-claim-" + noAccountClaim + " a")));
			assertThat(driver.findElement(By.id("claim-payment-hold")).getText()).contains("保留中", adminId);
			desk.click(driver.findElement(By.cssSelector("#claim-payment-hold a")));
			desk.click(driver.findElement(By.id("release-" + noAccountClaim)));
			assertThat(driver.findElement(By.id("payments-done")).getText()).contains("保留を解除しました");
			assertThat(driver.findElements(By.id("held-claim-" + noAccountClaim))).isEmpty();
			assertThat(driver.findElement(By.id("payments-waiting-count")).getText()).contains("1件", "1,500");
		}
	}

	/** Sets the date input as the browser's date picker would. */
	private static void date(WebDriver driver, String isoDate) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.id("transferDate")), isoDate);
	}

}
