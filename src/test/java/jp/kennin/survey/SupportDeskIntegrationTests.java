package jp.kennin.survey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.HttpVisitor;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The insurer's help desk (issue 10, item 7) on every member screen where a member may
 * get stuck, always the member's own insurer's and never another's; a desk with nothing
 * set shows nothing. And the insurer's own words on where 記号・番号 are printed (item 10),
 * set in the insurer form and shown on sign-up and forgot-ID.
 */
@KenninIntegrationTest
class SupportDeskIntegrationTests {

	private static final Pattern FORM = Pattern.compile("href=\"/survey/(\\d+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Value("${local.server.port}")
	int port;

	private final CampaignDraft draft = CampaignIntegrationTests
		.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));

	private Tenant tenantB;

	@BeforeEach
	void duringTheSurvey() {
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		tenantB = withDesk("他社健保", new Tenant.SupportDesk("他社健保 業務課", "06-9999-9999", "土日のみ", "other-desk@b.example",
				"https://b.example/"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_member_sees_the_own_insurers_desk_on_home_survey_check_receipt_and_error_pages() throws Exception {
		Tenant tenantA = withDesk("窓口健保", new Tenant.SupportDesk("窓口健保 適用グループ", "0120-123-456", "平日10時～17時",
				"desk@a.example", "https://a.example/help"));
		Member m = memberWithSpouseUnderSurvey(tenantA);

		String home = page(m.client, "/home");
		assertDeskOfA(home);
		String tasks = page(m.client, "/survey/" + m.formId);
		assertDeskOfA(tasks);
		String step = page(m.client, "/survey/" + m.formId + "/d/" + m.spouseId + "/continuation");
		assertDeskOfA(step);

		m.client.post("/survey/" + m.formId + "/d/" + m.spouseId + "/continuation", "version", "0", "continuation",
				"REMOVE", "removalYear", "2026", "removalMonth", "8", "removalDay", "1", "removalReason", "EMPLOYED")
			.andExpect(redirectedUrl("/survey/" + m.formId + "/d/" + m.spouseId));
		assertDeskOfA(page(m.client, "/survey/" + m.formId + "/d/" + m.spouseId));
		m.client.post("/survey/" + m.formId + "/d/" + m.spouseId + "/complete", "completed", "yes", "version", "1")
			.andExpect(redirectedUrl("/survey/" + m.formId));
		assertDeskOfA(page(m.client, "/survey/" + m.formId + "/check"));
		m.client.post("/survey/" + m.formId + "/submit").andExpect(redirectedUrl("/survey/" + m.formId + "/receipt"));
		assertDeskOfA(page(m.client, "/survey/" + m.formId + "/receipt"));

		// The receipt mail and the PDF copy name the desk too.
		String mail = fixtures.lastMailTo(m.registration.email()).body();
		assertThat(mail).contains("窓口健保 適用グループ")
			.contains("0120-123-456")
			.contains("お問い合わせの際は、記号・番号をお伝えください。")
			.doesNotContain("06-9999-9999");
		byte[] pdf = m.client.get("/survey/" + m.formId + "/receipt.pdf")
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).contains("窓口健保 適用グループ")
				.contains("0120-123-456");
		}

		// Error pages go through Tomcat's error dispatch, which MockMvc skips: over real
		// HTTP.
		HttpVisitor browser = loggedInOverHttp(m.registration);
		for (String path : List.of("/notices/987654321", "/test-only/boom")) {
			HttpResponse<String> error = browser.get(path);
			assertThat(error.statusCode()).isIn(404, 500);
			assertDeskOfA(error.body());
		}
		// A passer-by's error page names no insurer's desk.
		assertThat(new HttpVisitor(port).get("/notices/987654321").body()).doesNotContain("support-desk-heading")
			.contains("お問い合わせ窓口にご連絡ください");
	}

	@Test
	void a_desk_with_nothing_set_shows_nothing() throws Exception {
		Tenant empty = withDesk("空窓口健保", Tenant.SupportDesk.none());
		Member m = memberWithSpouseUnderSurvey(empty);
		for (String path : List.of("/home", "/survey/" + m.formId,
				"/survey/" + m.formId + "/d/" + m.spouseId + "/continuation")) {
			assertThat(page(m.client, path)).doesNotContain("support-desk").doesNotContain("記号・番号をお伝えください");
		}
		assertThat(fixtures.lastMailTo(m.registration.email()).body()).doesNotContain("記号・番号をお伝えください");
	}

	@Test
	void the_forgot_user_id_result_names_the_desk_of_the_typed_insurer_only() throws Exception {
		Tenant tenantA = withDesk("回復健保", new Tenant.SupportDesk("回復健保 窓口", "03-1111-2222", null, null, null));
		String page = new MemberClient(mvc)
			.post("/forgot-user-id", "tenantCode", tenantA.code().toUpperCase(), "kigo", "01", "bango", "nobody",
					"birthYear", "1980", "birthMonth", "4", "birthDay", "1")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("回復健保 窓口")
			.contains("href=\"tel:0311112222\"")
			.doesNotContain("受付時間")
			.doesNotContain("06-9999-9999");
		// Forgot password knows no insurer (the user ID must not reveal one): the generic
		// line only.
		String password = new MemberClient(mvc).post("/forgot-password", "userId", "someone", "email", "a@b.example")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(password).doesNotContain("support-desk-heading").contains("お問い合わせ窓口");
	}

	@Test
	void the_insurers_own_words_on_kigo_bango_are_saved_audited_and_shown_on_signup_and_forgot_id() throws Exception {
		Tenant tenantA = withDesk("案内健保", new Tenant.SupportDesk("03-0000-0000", null, null, null));
		mvc.perform(post("/admin/tenants/" + tenantA.id()).with(TestStaff.operator())
			.with(csrf())
			.param("name", tenantA.name())
			.param("mailFromAddress", tenantA.mailFromAddress())
			.param("mailFromName", tenantA.mailFromName())
			.param("passwordPolicy", "SEED")
			.param("supportName", "案内健保 適用係")
			.param("supportPhone", "03-0000-0000")
			.param("memberNumberGuidance", "記号は**社員証の裏**にもあります。\n\n<script>alert(1)</script>"))
			.andExpect(redirectedUrl("/admin/tenants/" + tenantA.id() + "?saved"));
		Tenant saved = tenants.findById(tenantA.id()).orElseThrow();
		assertThat(saved.supportDesk().name()).isEqualTo("案内健保 適用係");
		assertThat(saved.memberNumberGuidance()).startsWith("記号は**社員証の裏**");
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'TENANT_UPDATED' and target = ?")
			.param("tenant:" + tenantA.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		// The form shows what was saved.
		assertThat(mvc.perform(get("/admin/tenants/" + tenantA.id()).with(TestStaff.operator()))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("案内健保 適用係").contains("社員証の裏");

		for (String path : List.of("/signup?code=" + tenantA.code(), "/forgot-user-id?code=" + tenantA.code())) {
			String page = mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(path)
				.contains("案内健保からのご案内")
				.contains("<strong>社員証の裏</strong>")
				.doesNotContain("<script>alert")
				.contains("資格情報のお知らせ");
		}
		// After a typed code that matched nobody, step 1 knows the insurer and shows its
		// words.
		String failed = new MemberClient(mvc)
			.post("/signup", "tenantCode", tenantA.code(), "kigo", "01", "bango", "x1", "birthYear", "1980",
					"birthMonth", "4", "birthDay", "1", "kanaName", "オムロ タロウ")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(failed).contains("社員証の裏");
		// Another insurer's sign-up shows the generic text only.
		String other = mvc.perform(get("/signup?code=" + tenantB.code()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).contains("資格情報のお知らせ").doesNotContain("社員証の裏").doesNotContain("where-kigo-tenant");
	}

	@Test
	void an_insurer_admin_sets_the_own_desk_and_wording_reviewers_and_other_insurers_cannot() throws Exception {
		Tenant tenantA = withDesk("自組合健保", Tenant.SupportDesk.none());
		mvc.perform(get("/admin/member-contact").with(TestStaff.tenantAdmin(tenantA.id()))).andExpect(status().isOk());
		mvc.perform(post("/admin/member-contact").with(TestStaff.tenantAdmin(tenantA.id()))
			.with(csrf())
			.param("supportEmail", "not-a-mail")
			.param("memberNumberGuidance", "残る文"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("メールアドレスの形式で入力してください"),
						org.hamcrest.Matchers.containsString("残る文"))));
		mvc.perform(post("/admin/member-contact").with(TestStaff.tenantAdmin(tenantA.id()))
			.with(csrf())
			.param("supportName", "自組合健保 適用課")
			.param("supportPhone", "045-000-1234")
			.param("memberNumberGuidance", "記号・番号は**給与明細**にも書いてあります。"))
			.andExpect(redirectedUrl("/admin/member-contact?saved"));
		Tenant saved = tenants.findById(tenantA.id()).orElseThrow();
		assertThat(saved.supportDesk().name()).isEqualTo("自組合健保 適用課");
		assertThat(saved.supportDesk().hours()).isNull();
		assertThat(saved.name()).isEqualTo("自組合健保");
		assertThat(jdbc
			.sql("select count(*) from audit_event where type = 'TENANT_CONTACT_UPDATED' and target = ? "
					+ "and tenant_id = ?")
			.params("tenant:" + tenantA.id(), tenantA.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(mvc.perform(get("/forgot-user-id?code=" + tenantA.code()))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<strong>給与明細</strong>");

		// A reviewer reads nothing here and saves nothing; another insurer's admin only
		// ever reaches its own.
		mvc.perform(get("/admin/member-contact").with(TestStaff.reviewer(tenantA.id())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/member-contact").with(TestStaff.reviewer(tenantA.id()))
			.with(csrf())
			.param("supportPhone", "0")).andExpect(status().isForbidden());
		mvc.perform(post("/admin/member-contact").with(TestStaff.tenantAdmin(tenantB.id()))
			.with(csrf())
			.param("supportPhone", "06-0000-0000")).andExpect(redirectedUrl("/admin/member-contact?saved"));
		assertThat(tenants.findById(tenantA.id()).orElseThrow().supportDesk().phone()).isEqualTo("045-000-1234");
		assertThat(tenants.findById(tenantB.id()).orElseThrow().supportDesk().name()).isNull();
	}

	private void assertDeskOfA(String html) {
		assertThat(html).contains("support-desk-heading")
			.contains("窓口健保 適用グループ")
			.contains("href=\"tel:0120123456\"")
			.contains("平日10時～17時")
			.contains("href=\"mailto:desk@a.example\"")
			.contains("https://a.example/help")
			.contains("お問い合わせの際は、記号・番号をお伝えください。")
			.doesNotContain("06-9999-9999")
			.doesNotContain("other-desk@b.example")
			.doesNotContain("他社健保 業務課");
	}

	private Tenant withDesk(String name, Tenant.SupportDesk desk) {
		String code = "d" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		return tenants
			.create(new Tenants.NewTenant(code, name, code + "@kenpo.example", name, desk, PasswordPolicyPreset.SEED));
	}

	private record Member(Registration registration, MemberClient client, long formId, long spouseId) {
	}

	/** A registered, logged-in member whose wife is under an open survey. */
	private Member memberWithSpouseUnderSurvey(Tenant tenant) throws Exception {
		Registration r = Registration.register(mvc, fixtures, tenant);
		RosterPerson p = r.person();
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, p.kigo(), p.bango(), "01", false, "妻", RelationshipCategory.SPOUSE,
						"御室 花子", "オムロ ハナコ", LocalDate.of(1982, 5, 5), RosterPerson.Gender.FEMALE, null, null, null,
						true, null, true)));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long spouseId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = '01'")
			.param(formId)
			.query(Long.class)
			.single();
		MemberClient client = r.loggedIn(mvc);
		Matcher link = FORM.matcher(page(client, "/home"));
		assertThat(link.find()).isTrue();
		assertThat(Long.parseLong(link.group(1))).isEqualTo(formId);
		return new Member(r, client, formId, spouseId);
	}

	private static String page(MemberClient client, String path) throws Exception {
		return client.get(path).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private HttpVisitor loggedInOverHttp(Registration r) throws Exception {
		HttpVisitor browser = new HttpVisitor(port);
		HttpResponse<String> login = browser.get("/login");
		browser.post("/login",
				Map.of("_csrf", HttpVisitor.csrf(login), "userId", r.userId(), "password", r.password()));
		HttpResponse<String> consent = browser.get("/terms/consent");
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(consent.body());
		if (version.find()) {
			browser.post("/terms/consent",
					Map.of("_csrf", HttpVisitor.csrf(consent), "agree", "true", "version", version.group(1)));
		}
		return browser;
	}

}
