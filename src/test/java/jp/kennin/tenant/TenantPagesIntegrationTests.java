package jp.kennin.tenant;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.test.HtmlForm;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An insurer's TENANT_ADMIN writes its manual and FAQ (audited); its members then find
 * them on the home page and in the footer. Reviewers may not edit, and nobody edits
 * another insurer's pages.
 */
@KenninIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantPagesIntegrationTests {

	static final String PASSWORD = "Manual-password-2026!";

	static final byte[] PDF = ("%PDF-1.4\n% operation manual\n" + "x".repeat(1500)).getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	TenantPages pages;

	@Autowired
	AuditLog audit;

	Tenant tenant;

	Tenant other;

	StaffClient admin;

	StaffClient reviewer;

	StaffClient otherAdmin;

	MemberClient member;

	@BeforeAll
	void setUp() throws Exception {
		tenant = fixtures.tenant();
		other = fixtures.tenant();
		admin = staff("madm", StaffRole.TENANT_ADMIN, tenant);
		reviewer = staff("mrev", StaffRole.REVIEWER, tenant);
		otherAdmin = staff("madm", StaffRole.TENANT_ADMIN, other);
		member = Registration.register(mvc, fixtures, tenant).loggedIn(mvc);
	}

	@Test
	void an_insurer_admin_writes_the_manual_and_members_find_it_from_home_and_footer() throws Exception {
		String manualLink = "href=\"/tenants/" + tenant.code() + "/manual\"";
		assertThat(home()).as("nothing written yet: no link").doesNotContain(manualLink);

		String saved = admin
			.perform(post("/admin/pages/manual").with(csrf())
				.param("body", "## ユーザー登録\n\n**記号・番号**を用意してください。\n\n<script>alert(1)</script>"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(saved).isEqualTo("/admin/pages/manual");
		admin.perform(multipart("/admin/pages/manual/attachments")
			.file(new MockMultipartFile("file", "操作マニュアル.pdf", "application/pdf", PDF))
			.with(csrf()));

		String home = home();
		assertThat(home.split(manualLink, -1)).as("menu tile and footer link").hasSize(3);
		assertThat(home).doesNotContain("href=\"/tenants/" + tenant.code() + "/faq\"");
		String page = member.get("/tenants/" + tenant.code() + "/manual")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<h2>ユーザー登録</h2>")
			.contains("<strong>記号・番号</strong>")
			.doesNotContain("<script>alert")
			.contains("操作マニュアル.pdf（PDF・2 KB）")
			.contains("メイン画面へ戻る");

		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, "madm-" + tenant.code(), null, 20)))
			.extracting(AuditEntry::type)
			.contains("TENANT_PAGE_UPDATED", "TENANT_FILE_ADDED");
	}

	@Test
	void a_nul_in_the_page_body_is_refused_next_to_the_field_and_the_text_is_kept() throws Exception {
		// PostgreSQL cannot store U+0000: without the field check the save ended in the
		// 400 net page.
		String before = pages.source(tenant.id(), TenantPages.Kind.FAQ);
		var response = admin
			.perform(post("/admin/pages/faq").with(csrf()).param("body", "## よくあるご質問\n\nQ. 記号\u0000とは\nA. 保険証の記号です"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		HtmlForm page = HtmlForm.of(response.getContentAsString());
		assertThat(page.error("body")).contains("使えない制御文字が含まれています（改行とタブは使えます）");
		assertThat(page.marked("body")).isTrue();
		assertThat(page.value("body")).contains("## よくあるご質問").contains("A. 保険証の記号です");
		assertThat(pages.source(tenant.id(), TenantPages.Kind.FAQ)).as("nothing saved").isEqualTo(before);
	}

	@Test
	void a_reviewer_may_not_edit_the_pages() throws Exception {
		assertThat(reviewer.perform(get("/admin/pages/faq")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(reviewer.perform(post("/admin/pages/faq").with(csrf()).param("body", "# 書き換え"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(pages.source(tenant.id(), TenantPages.Kind.FAQ)).doesNotContain("書き換え");
	}

	@Test
	void an_admin_edits_only_the_own_insurers_pages() throws Exception {
		otherAdmin.perform(post("/admin/pages/faq").with(csrf()).param("body", "# 他組合のQ&A"));
		assertThat(otherAdmin
			.perform(post("/admin/tenants/" + tenant.id() + "/pages/faq").with(csrf()).param("body", "# 乗っ取り"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		assertThat(pages.source(other.id(), TenantPages.Kind.FAQ)).isEqualTo("# 他組合のQ&A");
		assertThat(pages.source(tenant.id(), TenantPages.Kind.FAQ)).doesNotContain("乗っ取り").doesNotContain("他組合");
	}

	private String home() throws Exception {
		return member.get("/home").andReturn().getResponse().getContentAsString();
	}

	private StaffClient staff(String prefix, StaffRole role, Tenant t) throws Exception {
		String loginId = prefix + "-" + t.code();
		accounts.create(loginId, "職員", role, t.id(), PASSWORD);
		return StaffTestLogin.enrolAndLogin(mvc, clock, loginId, PASSWORD);
	}

}
