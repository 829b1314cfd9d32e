package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
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

/**
 * A rejected roster's errors on the import page follow the staff member's language:
 * English with {@code ?lang=en}, Japanese by default, while the import itself (CLI, API)
 * reports Japanese.
 */
@KenninIntegrationTest
class RosterImportErrorsLanguageIntegrationTests {

	static final String PASSWORD = "Errors-language-2026!";

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	MutableClock clock;

	@Autowired
	RosterImports imports;

	@Autowired
	ImportRecords records;

	@Test
	void the_import_page_shows_each_error_in_the_viewers_language() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "言語健保");
		String adminId = "lang-" + tenant.code();
		accounts.create(adminId, "言語 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		String csv = RosterCsv.HEADER + ",,備考\r\n" + "01,1,00,本人,本人,山田 太郎,ヤマダ タロウ,1985/13/01,男,,,,,,,\r\n"
				+ "01,1,01,家族,叔父,山田 叔,ヤマダ オジ,1980/01/01,男,,,,近所,,,\r\n";
		ImportResult result = imports.run(new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.PAGE, "errors.csv",
				adminId, "TENANT_ADMIN", null, true), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				null);
		assertThat(result.valid()).isFalse();
		assertThat(result.errors()).extracting(Problem::text)
			.contains("2行目 生年月日: 日付として読めません（1985/13/01）", "1行目 15列目: 不明な列です", "1行目 備考: 不明な列です");

		StaffHttpClient admin = StaffHttpClient.login(port, clock, adminId, PASSWORD);
		String path = "/admin/roster/imports/" + result.importId();

		String english = admin.get(path + "?lang=en").body();
		assertThat(english).contains("Line 2, 生年月日: Cannot be read as a date (1985/13/01)")
			.contains("Line 1, column 15: Unknown column")
			.contains("Line 1, 備考: Unknown column")
			.contains("Line 3, 続柄: This relationship is not one the roster accepts (叔父)")
			.contains("Line 3, 同居区分: Enter 同居 (living together) or 別居 (living apart) (近所)")
			.doesNotContain("行目")
			.doesNotContain("読めません");

		String japanese = admin.get(path + "?lang=ja").body();
		assertThat(japanese).contains("2行目 生年月日: 日付として読めません（1985/13/01）")
			.contains("1行目 15列目: 不明な列です")
			.contains("3行目 続柄: 使えない続柄です（叔父）")
			.doesNotContain("Cannot be read");
	}

	@Test
	void an_error_stored_without_a_code_shows_its_stored_text() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "旧記録健保");
		String adminId = "legacy-" + tenant.code();
		accounts.create(adminId, "旧記録 管理者", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		long id = imports.register(new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.PAGE, "old.csv", adminId,
				"TENANT_ADMIN", null, true), null, 0);
		records.finish(id, Status.INVALID, null, List.of(new Problem(4, "氏名", "入力してください")), 1);

		StaffHttpClient admin = StaffHttpClient.login(port, clock, adminId, PASSWORD);
		assertThat(admin.get("/admin/roster/imports/" + id + "?lang=en").body()).contains("4行目 氏名: 入力してください");
	}

	@Test
	void arguments_survive_storage_whatever_they_hold() {
		Tenant tenant = TestTenants.create(tenants, "引数健保");
		String odd = "a,\"b\"\r\nc";
		String csv = RosterCsv.HEADER + "\r\n" + "01,1,00,本人,本人,山田 太郎,ヤマダ タロウ,\"" + odd.replace("\"", "\"\"")
				+ "\",男,,,,,\r\n";
		ImportResult result = imports.run(
				new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.PAGE, "odd.csv", "x", "TENANT_ADMIN", null, true),
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), null);
		List<Problem> stored = records.errors(tenant.id(), result.importId());
		assertThat(stored).extracting(Problem::code).contains("date");
		assertThat(stored).filteredOn(p -> "date".equals(p.code()))
			.singleElement()
			.satisfies(p -> assertThat(p.args()).containsExactly(odd));
	}

}
