package jp.kennin.roster;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kennin.roster.max-upload-size} through the real server (set to 1 MB here): a
 * larger file comes back to the form with the message next to the file field and the mode
 * kept, never the error page; and only a tenant administrator's upload is read at all.
 */
@KenninIntegrationTest
@TestPropertySource(properties = "kennin.roster.max-upload-size=1MB")
class RosterImportLimitIntegrationTests {

	static final String PASSWORD = "Limit-password-2026!";

	static final String TOO_LARGE = "ファイルが大きすぎます。1MB以下のファイルを選んでください。" + "それより大きい名簿はコマンドラインまたはAPIで取り込んでください。";

	@Value("${local.server.port}")
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "上限健保");
	}

	@Test
	void a_file_over_the_limit_comes_back_to_the_form_with_the_message_and_the_mode_kept() throws Exception {
		StaffHttpClient admin = login(StaffRole.TENANT_ADMIN);
		String form = admin.get("/admin/roster/imports").body();
		assertThat(form).contains("1MBまで").contains("data-max-bytes=\"1048576\"");

		HttpResponse<String> upload = upload(admin, form, "DELTA", RosterImportPageIntegrationTests.largeRoster(1_500));

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location").orElseThrow()).endsWith("/admin/roster/imports");
		HttpResponse<String> back = admin.get("/admin/roster/imports");
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("<p class=\"form-field__error\" id=\"file-error\">")
			.contains(TOO_LARGE)
			.containsPattern("value=\"DELTA\"[^>]*checked")
			.contains("まだ取り込みはありません");
		assertThat(admin.get("/admin/roster/imports").body()).as("shown once").doesNotContain("id=\"file-error\"");
	}

	@Test
	void a_file_just_over_the_limit_is_caught_by_the_multipart_limit_with_the_same_message() throws Exception {
		StaffHttpClient admin = login(StaffRole.TENANT_ADMIN);
		String form = admin.get("/admin/roster/imports").body();
		byte[] csv = RosterImportPageIntegrationTests.largeRoster(1_120);
		assertThat(csv.length).isBetween(1024 * 1024 + 1, 1024 * 1024 + 32 * 1024);

		HttpResponse<String> upload = upload(admin, form, "SNAPSHOT", csv);

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/roster/imports").body()).contains("id=\"file-error\"")
			.contains(TOO_LARGE)
			.contains("まだ取り込みはありません");
	}

	@Test
	void a_file_under_the_limit_is_taken() throws Exception {
		StaffHttpClient admin = login(StaffRole.TENANT_ADMIN);
		String form = admin.get("/admin/roster/imports").body();

		HttpResponse<String> upload = upload(admin, form, "DELTA", RosterImportPageIntegrationTests.largeRoster(500));

		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location").orElseThrow()).matches(".*/admin/roster/imports/\\d+$");
	}

	@Test
	void nobody_but_a_tenant_administrator_gets_an_upload_read() throws Exception {
		byte[] csv = RosterImportPageIntegrationTests.largeRoster(500);
		StaffHttpClient reviewer = login(StaffRole.REVIEWER);
		String page = reviewer.get("/admin/roster").body();

		assertThat(upload(reviewer, page, "DELTA", csv).statusCode()).isEqualTo(403);
		assertThat(upload(new StaffHttpClient(port), page, "DELTA", csv).statusCode()).isEqualTo(403);
	}

	private StaffHttpClient login(StaffRole role) throws Exception {
		String loginId = role.name().toLowerCase().replace('_', '-') + "-" + tenant.code();
		accounts.create(loginId, "上限 職員", role, tenant.id(), PASSWORD);
		return StaffHttpClient.login(port, clock, loginId, PASSWORD);
	}

	private static HttpResponse<String> upload(StaffHttpClient client, String page, String mode, byte[] csv)
			throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", StaffHttpClient.csrf(page));
		fields.put("mode", mode);
		return client.postMultipart("/admin/roster/imports/upload", fields, "file", "roster.csv", csv);
	}

}
