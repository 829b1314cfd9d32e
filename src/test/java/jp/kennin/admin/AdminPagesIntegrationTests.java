package jp.kennin.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jp.kennin.audit.AuditLog;
import jp.kennin.notice.Notice;
import jp.kennin.notice.Notices;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What operators and insurer admins do on the staff pages, and what members then see. */
@KenninIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPagesIntegrationTests {

	static final String PASSWORD = "Pages-password-2026!";

	static final byte[] PDF = "%PDF-1.4\n% test\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Tenants tenants;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Notices notices;

	@Autowired
	AuditLog audit;

	Tenant tenant;

	StaffClient operator;

	StaffClient admin;

	@BeforeAll
	void setUp() throws Exception {
		tenant = TestTenants.create(tenants, "画面健保");
		accounts.create("pop-" + tenant.code(), "運用 太郎", StaffRole.OPERATOR, null, PASSWORD);
		accounts.create("padm-" + tenant.code(), "管理 花子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		operator = StaffTestLogin.enrolAndLogin(mvc, clock, "pop-" + tenant.code(), PASSWORD);
		admin = StaffTestLogin.enrolAndLogin(mvc, clock, "padm-" + tenant.code(), PASSWORD);
	}

	@Test
	void operator_creates_an_insurer_whose_code_then_never_changes() throws Exception {
		String code = "pg" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		operator.perform(post("/admin/tenants/new").with(csrf()).param("code", "Bad Code!").param("name", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("保険者指定コードは半角英小文字・数字・_ - で2～32文字にしてください")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("名称を入力してください")));
		operator
			.perform(post("/admin/tenants/new").with(csrf())
				.param("code", code)
				.param("name", "新健保")
				.param("mailFromAddress", "info@new.example")
				.param("mailFromName", "新健保")
				.param("passwordPolicy", "NIST"))
			.andExpect(status().is3xxRedirection());
		Tenant created = tenants.findByCode(code).orElseThrow();
		assertThat(created.passwordPolicy().name()).isEqualTo("NIST");
		operator
			.perform(post("/admin/tenants/" + created.id()).with(csrf())
				.param("code", "changed")
				.param("name", "改名健保")
				.param("mailFromAddress", "info@new.example")
				.param("mailFromName", "新健保")
				.param("passwordPolicy", "SEED"))
			.andExpect(status().is3xxRedirection());
		Tenant updated = tenants.findById(created.id()).orElseThrow();
		assertThat(updated.code()).isEqualTo(code);
		assertThat(updated.name()).isEqualTo("改名健保");
		operator
			.perform(post("/admin/tenants/new").with(csrf())
				.param("code", code)
				.param("name", "重複")
				.param("mailFromAddress", "a@b.example")
				.param("mailFromName", "x"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("この保険者指定コードはすでに使われています")));
	}

	@Test
	void the_manual_is_sanitised_markdown_with_pdf_attachments_for_members() throws Exception {
		operator
			.perform(post("/admin/tenants/" + tenant.id() + "/pages/manual").with(csrf())
				.param("body",
						"# 操作方法\n\n<script>alert(1)</script>\n\n[危険](javascript:alert(1)) と [案内](https://example.jp/)"))
			.andExpect(status().is3xxRedirection());
		operator
			.perform(multipart("/admin/tenants/" + tenant.id() + "/pages/manual/attachments")
				.file(new MockMultipartFile("file", "evil.pdf", "application/pdf", "<html>".getBytes()))
				.with(csrf()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("選んだファイルはPDFではありません")));
		operator
			.perform(multipart("/admin/tenants/" + tenant.id() + "/pages/manual/attachments")
				.file(new MockMultipartFile("file", "操作マニュアル.pdf", "application/pdf", PDF))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/tenants/" + tenant.code() + "/manual"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h1>操作方法</h1>")
			.contains("href=\"https://example.jp/\"")
			.doesNotContain("<script>alert")
			.doesNotContain("javascript:")
			.contains("操作マニュアル.pdf");
		String link = page.replaceAll("(?s).*href=\"(/tenants/[^\"]+/files/\\d+)\".*", "$1");
		mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(
					header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
			.andExpect(content().bytes(PDF));
	}

	@Test
	void a_tenant_notice_with_attachment_is_shown_to_members_only_inside_its_window() throws Exception {
		admin
			.perform(multipart("/admin/notices/new")
				.file(new MockMultipartFile("attachment", "案内.pdf", "application/pdf", PDF))
				.with(csrf())
				.param("date", "2026-04-01")
				.param("title", "調査開始")
				.param("body", "**重要** <b onclick=x>です</b>")
				.param("publishFrom", "2026-04-01T09:00")
				.param("publishUntil", "2026-03-01T09:00"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("掲載終了は掲載開始より後にしてください")));
		admin
			.perform(multipart("/admin/notices/new")
				.file(new MockMultipartFile("attachment", "案内.pdf", "application/pdf", PDF))
				.with(csrf())
				.param("date", "2026-04-01")
				.param("title", "調査開始")
				.param("body", "**重要** <b onclick=x>です</b>")
				.param("publishFrom", "2000-01-01T00:00"))
			.andExpect(status().is3xxRedirection());
		Notice notice = notices.publishedTenantNotices(tenant.id())
			.stream()
			.filter(n -> n.title().equals("調査開始"))
			.findFirst()
			.orElseThrow();
		assertThat(notice.bodyHtml()).contains("<strong>重要</strong>")
			.doesNotContain("<b onclick")
			.contains("&lt;b onclick");
		var member = jp.kennin.test.TestMember.of(tenant.id(), "01", "1");
		mvc.perform(get("/notices/" + notice.id() + "/attachment").with(member))
			.andExpect(status().isOk())
			.andExpect(content().bytes(PDF));
		admin
			.perform(post("/admin/notices/" + notice.id()).with(csrf())
				.param("date", "2026-04-01")
				.param("title", "調査開始")
				.param("body", "x")
				.param("publishFrom", "2999-01-01T00:00"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/notices/" + notice.id() + "/attachment").with(member)).andExpect(status().isNotFound());
	}

	@Test
	void an_insurer_admin_adds_a_reviewer_but_never_an_operator() throws Exception {
		String id = "rev-" + tenant.code();
		admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", "op2-" + tenant.code())
				.param("displayName", "x")
				.param("role", "OPERATOR"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("権限を選んでください")));
		assertThat(accounts.exists("op2-" + tenant.code())).isFalse();
		String page = admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", id)
				.param("displayName", "審査 次郎")
				.param("role", "REVIEWER"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String detail = admin.perform(get(page)).andReturn().getResponse().getContentAsString();
		String password = detail.replaceAll("(?s).*id=\"new-password\">([^<]+)<.*", "$1");
		assertThat(accounts.findByLoginId(id).orElseThrow().tenantId()).isEqualTo(tenant.id());
		StaffClient reviewer = StaffTestLogin.enrolAndLogin(mvc, clock, id, password);
		reviewer.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("名簿の検索")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("名簿の取り込み"))));
	}

	@Test
	void the_audit_export_is_utf8_with_bom_and_defuses_formulas() throws Exception {
		// The IP column only ever holds a parsed address, so "-1" goes where free text is
		// kept: the role column.
		audit.record(new AuditLog.Event("TEST_EVENT", tenant.id(), "STAFF", "=HYPERLINK(\"x\")", "-1", "+cmd",
				"not-an-ip", Map.of()));
		byte[] csv = admin.perform(get("/admin/audit/export"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).contains("日時,種類")
			.contains("'=HYPERLINK")
			.contains("'+cmd")
			.contains("'-1")
			.doesNotContain(",=HYPERLINK");
	}

}
