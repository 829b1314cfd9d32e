package jp.kennin.admin;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestPostgres;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff text with a NUL (which PostgreSQL cannot store: it used to end in a server error)
 * or another control character is refused next to its field, the input kept; line breaks
 * stay allowed where a text has lines.
 */
@KenninIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlCharactersIntegrationTests {

	static final String PASSWORD = "Control-password-2026!";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Tenants tenants;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	StaffClient operator;

	StaffClient admin;

	@BeforeAll
	void setUp() throws Exception {
		tenant = TestTenants.create(tenants, "制御文字健保");
		accounts.create("cop-" + tenant.code(), "運用 太郎", StaffRole.OPERATOR, null, PASSWORD);
		accounts.create("cadm-" + tenant.code(), "管理 花子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		operator = StaffTestLogin.enrolAndLogin(mvc, clock, "cop-" + tenant.code(), PASSWORD);
		admin = StaffTestLogin.enrolAndLogin(mvc, clock, "cadm-" + tenant.code(), PASSWORD);
	}

	@Test
	void a_campaign_title_with_a_nul_or_a_line_break_is_refused_and_kept() throws Exception {
		for (String title : new String[] { "2026年度\u0000調査", "2026年度\n調査", "2026年度\u007F調査" }) {
			mvc.perform(campaign(title, "案内\u0000です"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("調査名に改行や制御文字は使えません。")))
				.andExpect(content().string(containsString("案内文に使えない制御文字が含まれています（改行とタブは使えます）。")))
				.andExpect(content().string(containsString("id=\"instructions-error\"")));
		}
		assertThat(campaigns()).isZero();
		mvc.perform(campaign("2026年度 調査", "一行目\r\n\t二行目")).andExpect(status().is3xxRedirection());
		assertThat(campaigns()).isOne();
	}

	@Test
	void a_notice_title_or_body_with_a_nul_is_refused() throws Exception {
		admin
			.perform(multipart("/admin/notices/new").with(csrf())
				.param("date", "2026-04-01")
				.param("title", "お知らせ\u0000")
				.param("body", "本文\u0000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("タイトルに改行や制御文字は使えません")))
			.andExpect(content().string(containsString("本文に使えない制御文字が含まれています（改行とタブは使えます）")));
		admin
			.perform(multipart("/admin/notices/new").with(csrf())
				.param("date", "2026-04-01")
				.param("title", "お知らせ")
				.param("body", "一行目\r\n二行目"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void an_insurer_name_or_a_staff_name_with_a_nul_is_refused() throws Exception {
		String code = "cc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		operator
			.perform(post("/admin/tenants/new").with(csrf())
				.param("code", code)
				.param("name", "新\u0000健保")
				.param("mailFromAddress", "info@new.example")
				.param("mailFromName", "新健保\u0001")
				.param("passwordPolicy", "SEED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("改行や制御文字は使えません")));
		assertThat(tenants.findByCode(code)).isEmpty();
		admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", "cst-" + tenant.code())
				.param("displayName", "審査\u0000次郎")
				.param("role", "REVIEWER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("氏名に改行や制御文字は使えません")));
		assertThat(accounts.exists("cst-" + tenant.code())).isFalse();
	}

	@Test
	void the_insurer_admins_contact_page_refuses_a_nul_like_the_operators_form() throws Exception {
		String phoneBefore = tenants.findById(tenant.id()).orElseThrow().supportDesk().phone();
		admin
			.perform(post("/admin/member-contact").with(csrf())
				.param("supportName", "適用グループ")
				.param("supportPhone", "03-0000\u00001111")
				.param("memberNumberGuidance", "一行目\n二行目\u0000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("改行や制御文字は使えません")))
			.andExpect(content().string(containsString("使えない制御文字が含まれています（改行とタブは使えます）")))
			.andExpect(content().string(containsString("適用グループ")));
		assertThat(tenants.findById(tenant.id()).orElseThrow().supportDesk().phone()).as("nothing saved")
			.isEqualTo(phoneBefore);
	}

	@Test
	void the_check_takes_line_breaks_only_where_a_text_has_lines() {
		assertThat(NoControlCharacters.Check.found("調査名", false)).isFalse();
		assertThat(NoControlCharacters.Check.found(null, false)).isFalse();
		assertThat(NoControlCharacters.Check.found("a\tb", false)).isTrue();
		assertThat(NoControlCharacters.Check.found("a\u0085b", true)).isTrue();
		assertThat(NoControlCharacters.Check.found("a\r\n\tb", true)).isFalse();
		assertThat(NoControlCharacters.Check.found("a\u0000b", true)).isTrue();
	}

	private org.springframework.test.web.servlet.RequestBuilder campaign(String title, String instructions) {
		return post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", title)
			.param("referenceDate", "2026-07-01")
			.param("opensDate", "2026-07-28")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("ageOn", "")
			.param("ageMin", "")
			.param("ageMax", "")
			.param("categories", "SPOUSE")
			.param("instructions", instructions);
	}

	private int campaigns() {
		return jdbc.sql("select count(*) from campaign where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

	@Test
	void text_the_database_cannot_store_gives_a_page_that_says_so_never_a_server_error() throws Exception {
		// The roster search does not check its parameters: on PostgreSQL the NUL reaches
		// the
		// database, which refuses it; the net turns that into a 400 that names the
		// reason.
		var result = admin.perform(get("/admin/roster").param("name", "山田\u0000")).andReturn();
		if (TestPostgres.selected()) {
			assertThat(result.getResponse().getStatus()).isEqualTo(400);
			assertThat(result.getRequest().getAttribute("kennin.error.reason")).isEqualTo("controlCharacters");
		}
		else {
			assertThat(result.getResponse().getStatus()).isEqualTo(200);
		}
	}

}
