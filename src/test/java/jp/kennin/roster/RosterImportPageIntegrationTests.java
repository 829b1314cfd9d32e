package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.internal.ImportRecord.Status;
import jp.kennin.roster.internal.ImportRecords;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffHttpClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The import page through the real server, where Tomcat's multipart limits apply: a
 * roster larger than the 12 MB every other upload is limited to goes through the page, is
 * checked and applied.
 */
@KenninIntegrationTest
class RosterImportPageIntegrationTests {

	static final String PASSWORD = "Upload-password-2026!";

	private static final Pattern IMPORT_URL = Pattern.compile("/admin/roster/imports/(\\d+)$");

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	MutableClock clock;

	@Autowired
	RosterImports imports;

	@Autowired
	ImportRecords records;

	@Test
	void a_roster_over_12_mb_is_uploaded_checked_and_applied() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "大名簿健保");
		String adminId = "big-" + tenant.code();
		accounts.create(adminId, "大名簿 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		StaffHttpClient admin = StaffHttpClient.login(port, clock, adminId, PASSWORD);
		String form = admin.get("/admin/roster/imports").body();
		assertThat(form).contains("256MBまで").contains("action=\"/admin/roster/imports/upload\"");
		int rows = 16_000;
		byte[] csv = largeRoster(rows);
		assertThat(csv.length).isGreaterThan(13 * 1024 * 1024);

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", StaffHttpClient.csrf(form));
		fields.put("mode", "SNAPSHOT");
		HttpResponse<String> upload = admin.postMultipart("/admin/roster/imports/upload", fields, "file", "大きい名簿.csv",
				csv);

		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		Matcher url = IMPORT_URL.matcher(upload.headers().firstValue("Location").orElseThrow());
		assertThat(url.find()).isTrue();
		String importPath = "/admin/roster/imports/" + url.group(1);
		String checked = awaitHeading(admin, importPath, "内容を確認しました");
		assertThat(checked).contains("大きい名簿.csv").contains("追加</dt><dd>16,000<");
		assertThat(roster.findInsured(tenant.id(), "01", "L0")).isEmpty();

		HttpResponse<String> confirm = admin.postForm(importPath + "/confirm",
				Map.of("_csrf", StaffHttpClient.csrf(checked)));
		assertThat(confirm.statusCode()).isEqualTo(302);
		awaitHeading(admin, importPath, "名簿に反映しました");
		assertThat(roster.findInsured(tenant.id(), "01", "L0")).isPresent();
		assertThat(roster.findInsured(tenant.id(), "01", "L" + (rows - 1))).isPresent();
	}

	@Test
	void a_running_import_shows_rows_a_percentage_when_known_and_a_reload_link() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "進捗健保");
		String adminId = "progress-" + tenant.code();
		accounts.create(adminId, "進捗 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		StaffHttpClient admin = StaffHttpClient.login(port, clock, adminId, PASSWORD);
		ImportRequest request = new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.PAGE, "進捗.csv", adminId,
				"TENANT_ADMIN", null, true);
		long checked = imports
			.run(request,
					new ByteArrayInputStream(RosterCsv.create()
						.insured("01", "p1", "進捗 一", "シンチョク イチ", "1980/01/01")
						.insured("01", "p2", "進捗 二", "シンチョク ニ", "1980/01/01")
						.insured("01", "p3", "進捗 三", "シンチョク サン", "1980/01/01")
						.insured("01", "p4", "進捗 四", "シンチョク ヨン", "1980/01/01")
						.utf8()),
					null)
			.importId();
		records.transition(tenant.id(), checked, Status.READY, Status.APPLYING);
		records.progress(checked, 1, 0);
		long checking = imports.register(request, null, 0);
		long reading = imports.register(request, null, 2_000);
		records.progress(reading, 30, 700);

		String applying = admin.get("/admin/roster/imports/" + checked).body();
		assertThat(applying).contains("<h1>名簿に反映しています</h1>")
			.contains("1行を処理しました（約25%）。")
			.containsPattern("<progress [^>]*value=\"25\"")
			.contains("href=\"/admin/roster/imports/" + checked + "\"")
			.doesNotContainPattern("<script(?![^>]*\\ssrc=)");
		String validating = admin.get("/admin/roster/imports/" + checking).body();
		assertThat(validating).contains("<h1>内容を確認しています</h1>")
			.contains("0行を処理しました。")
			.doesNotContain("<progress")
			.contains("href=\"/admin/roster/imports/" + checking + "\"");
		// Bytes read against the file's size, from the table: any node serving the page
		// can show it.
		assertThat(admin.get("/admin/roster/imports/" + reading).body()).contains("30行を処理しました（約35%）。")
			.containsPattern("<progress [^>]*value=\"35\"");
	}

	private static String awaitHeading(StaffHttpClient client, String path, String heading) {
		String[] page = new String[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
			page[0] = client.get(path).body();
			return page[0].contains("<h1>" + heading + "</h1>") || page[0].contains("エラーがあります");
		});
		assertThat(page[0]).contains("<h1>" + heading + "</h1>");
		return page[0];
	}

	/**
	 * Insured persons only, with names and office names of the longest length allowed
	 * (about 1 KB a row), so that the file is large but quick to import.
	 */
	static byte[] largeRoster(int rows) {
		String name = "大名 " + "太郎".repeat(48);
		String kana = "ダイミョウ " + "タロウ".repeat(31);
		String office = "健康保険組合事業所".repeat(12).substring(0, 100);
		StringBuilder csv = new StringBuilder(rows * 1000).append(RosterCsv.HEADER).append("\r\n");
		for (int i = 0; i < rows; i++) {
			csv.append("01,L")
				.append(i)
				.append(",00,本人,本人,")
				.append(name)
				.append(',')
				.append(kana)
				.append(",1980/04/01,男,,")
				.append(i % 30)
				.append(',')
				.append(office)
				.append(",,2010/04/01\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

}
