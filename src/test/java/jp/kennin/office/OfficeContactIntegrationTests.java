package jp.kennin.office;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.StaffHttpClient;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignReminders;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An office contact sees the progress of their offices' households only, is refused every
 * other staff page, another office and another insurer; a TENANT_ADMIN binds them to
 * offices of the roster, with the messages next to the field.
 */
@KenninIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeContactIntegrationTests {

	static final String PASSWORD = "Office-password-2026!";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Tenants tenants;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignReminders reminders;

	@Value("${local.server.port}")
	int port;

	Tenant a;

	Tenant b;

	long campaignA;

	long campaignB;

	long preparingA;

	StaffClient contact;

	StaffClient admin;

	@BeforeAll
	void setUp() throws Exception {
		a = TestTenants.create(tenants, "事業所健保");
		b = TestTenants.create(tenants, "他事業所健保");
		List<RosterPerson> people = new ArrayList<>();
		// 60 households at 100 (more than a page), 3 at 200, 2 at 300.
		for (int i = 1; i <= 60; i++) {
			household(people, "h" + i, "本社 " + i, "100", "本社");
		}
		for (int i = 1; i <= 3; i++) {
			household(people, "o" + i, "大阪 " + i, "200", "大阪支店");
		}
		for (int i = 1; i <= 2; i++) {
			household(people, "f" + i, "福岡 " + i, "300", "福岡支店");
		}
		roster.upsert(a.id(), people);
		List<RosterPerson> other = new ArrayList<>();
		household(other, "h1", "他社 太郎", "100", "本社");
		roster.upsert(b.id(), other);
		campaignA = campaigns.create(a.id(), draft("事業所の調査A"));
		campaigns.open(a.id(), campaignA);
		campaignB = campaigns.create(b.id(), draft("他健保の調査"));
		campaigns.open(b.id(), campaignB);
		preparingA = campaigns.create(a.id(), draft("準備中の調査"));
		// Progress: 200's o1 registered (未作成), o2 作成中, o3 審査中 (提出済み); 100's h1 差し戻し,
		// h2 確認完了.
		account("o1");
		status("o2", "IN_PROGRESS");
		status("o3", "IN_REVIEW");
		status("h1", "RETURNED");
		status("h2", "COMPLETED");
		accounts.createOfficeContact("office-" + a.code(), "事業所 担当", a.id(), Set.of("100", "200"), PASSWORD);
		contact = StaffTestLogin.enrolAndLogin(mvc, clock, "office-" + a.code(), PASSWORD);
		accounts.createOfficeContact("office2-" + a.code(), "事業所 担当二", a.id(), Set.of("100", "200"), PASSWORD);
		accounts.create("admin-" + a.code(), "管理 者", StaffRole.TENANT_ADMIN, a.id(), PASSWORD);
		admin = StaffTestLogin.enrolAndLogin(mvc, clock, "admin-" + a.code(), PASSWORD);
	}

	@AfterAll
	void noPendingMail() {
		for (Tenant t : List.of(a, b)) {
			jdbc.sql("delete from mail_outbox where tenant_id = ? and status = 'PENDING'").param(t.id()).update();
		}
	}

	@Test
	void the_home_is_the_offices_page_listing_opened_campaigns_only() throws Exception {
		assertThat(contact.perform(get("/admin")).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/admin/office");
		String page = body(contact, "/admin/office", 200);
		assertThat(page).contains("事業所の調査A", "100　本社", "200　大阪支店").doesNotContain("準備中の調査", "他健保の調査", "福岡支店");
	}

	@Test
	void sees_counts_and_households_of_their_offices_only() throws Exception {
		String page = body(contact, "/admin/office/campaigns/" + campaignA, 200);
		assertThat(page).contains("事業所の調査A", "1-h1", "本社 1").doesNotContain("1-f1", "福岡", "他社");
		// Counts per office and state: 100 has 58 未登録, 1 差し戻し, 1 確認完了; 200 one each of
		// 未作成, 作成中, 提出済み.
		assertThat(page).containsPattern("data-office=\"100\">\\s*<th[^>]*>100　本社</th>\\s*"
				+ "<td data-progress=\"NOT_REGISTERED\">58</td>\\s*<td data-progress=\"NOT_STARTED\">0</td>\\s*"
				+ "<td data-progress=\"IN_PROGRESS\">0</td>\\s*<td data-progress=\"SUBMITTED\">0</td>\\s*"
				+ "<td data-progress=\"RETURNED\">1</td>\\s*<td data-progress=\"COMPLETED\">1</td>\\s*<td>60</td>");
		assertThat(page).containsPattern("data-office=\"200\">\\s*<th[^>]*>200　大阪支店</th>\\s*"
				+ "<td data-progress=\"NOT_REGISTERED\">0</td>\\s*<td data-progress=\"NOT_STARTED\">1</td>\\s*"
				+ "<td data-progress=\"IN_PROGRESS\">1</td>\\s*<td data-progress=\"SUBMITTED\">1</td>");
		assertThat(page).contains("該当 63 世帯");
		// Never answers, documents, receipt numbers or links to the staff pages of a
		// form.
		assertThat(page).doesNotContain("/admin/survey-forms", "/admin/reviews", "/admin/documents",
				"/admin/roster/people", "受付番号");
	}

	@Test
	void filters_by_office_and_state_and_pages_by_key() throws Exception {
		String osaka = body(contact, "/admin/office/campaigns/" + campaignA + "?office=200&progress=SUBMITTED", 200);
		assertThat(body(contact, "/admin/office/campaigns/" + campaignA + "?office=200", 200)).contains("1-o1", "大阪 1",
				"1-o2", "1-o3", "該当 3 世帯");
		assertThat(osaka).contains("1-o3", "該当 1 世帯").doesNotContain("1-o1", "1-o2", "1-h1");
		String unregistered = body(contact,
				"/admin/office/campaigns/" + campaignA + "?office=100&progress=NOT_REGISTERED", 200);
		assertThat(unregistered).contains("該当 58 世帯", "next-page").doesNotContain(">1-h1<", ">1-h2<");
		String first = body(contact, "/admin/office/campaigns/" + campaignA + "?office=100", 200);
		List<String> seen = new ArrayList<>(households(first));
		assertThat(seen).hasSize(50);
		String next = first.replaceAll("(?s).*id=\"next-page\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		String second = body(contact, next, 200);
		seen.addAll(households(second));
		assertThat(seen).hasSize(60).doesNotHaveDuplicates();
		assertThat(second).doesNotContain("id=\"next-page\"");
	}

	@Test
	void another_office_or_insurer_is_refused_by_url() throws Exception {
		body(contact, "/admin/office/campaigns/" + campaignA + "?office=300", 403);
		body(contact, "/admin/office/campaigns/" + campaignB, 404);
		body(contact, "/admin/office/campaigns/" + preparingA, 404);
		body(contact, "/admin/office/campaigns/987654321", 404);
		// A forged cursor of another office only starts the page later, inside the scope.
		String forged = body(contact, "/admin/office/campaigns/" + campaignA + "?after=250%091%09f1%090", 200);
		assertThat(forged).doesNotContain("1-f1", "1-h1");
	}

	@Test
	void every_other_staff_page_is_refused_in_japanese() throws Exception {
		long form = jdbc.sql("select id from survey_form where campaign_id = ? and bango = 'o3'")
			.param(campaignA)
			.query(Long.class)
			.single();
		for (String url : List.of("/admin/campaigns", "/admin/campaigns/" + campaignA,
				"/admin/campaigns/" + campaignA + "/forms", "/admin/campaigns/" + campaignA + "/forms.csv",
				"/admin/campaigns/" + campaignA + "/review", "/admin/survey-forms/" + form, "/admin/reviews/" + form,
				"/admin/proxy/" + form, "/admin/roster", "/admin/roster/imports", "/admin/staff", "/admin/audit",
				"/admin/audit/export", "/admin/documents/1", "/admin/notices", "/admin/tenants", "/admin/no-such-page",
				"/actuator/prometheus")) {
			body(contact, url, 403);
		}
		// Through the servlet container too (the browser test reads the Japanese page).
		StaffHttpClient http = StaffHttpClient.login(port, clock, "office2-" + a.code(), PASSWORD);
		for (String url : List.of("/admin/campaigns/" + campaignA + "/forms",
				"/admin/office/campaigns/" + campaignA + "?office=300")) {
			var response = http.get(url);
			assertThat(response.statusCode()).as(url).isEqualTo(403);
			assertThat(response.body()).as(url).doesNotContain("福岡", "大阪 ", "本社 1");
		}
		assertThat(contact.perform(post("/admin/campaigns/" + campaignA + "/close").with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		// Their own password stays theirs to change.
		body(contact, "/admin/account/password", 200);
	}

	@Test
	void each_view_is_audited_with_the_office_codes() throws Exception {
		body(contact, "/admin/office/campaigns/" + campaignA + "?office=200", 200);
		List<String> details = jdbc.sql(
				"select details from audit_event where type = 'OFFICE_PROGRESS_VIEWED' and actor_id = ? and target = ?")
			.params("office-" + a.code(), "campaign:" + campaignA)
			.query(String.class)
			.list();
		assertThat(details).isNotEmpty().anyMatch(d -> d.contains("offices=200") && !d.contains("100"));
		body(contact, "/admin/office", 200);
		assertThat(jdbc.sql(
				"select details from audit_event where type = 'OFFICE_CAMPAIGNS_VIEWED' and actor_id = ? and tenant_id = ?")
			.params("office-" + a.code(), a.id())
			.query(String.class)
			.list()).isNotEmpty().allMatch(d -> d.contains("offices=100%2C200"));
	}

	@Test
	void sends_the_reminder_to_their_office_only_after_the_count() throws Exception {
		// 200: o1 未作成 with an account, o2 作成中 without one, o3 submitted (not reminded).
		String confirm = body(contact, "/admin/office/campaigns/" + campaignA + "/reminders?office=200", 200);
		assertThat(confirm).contains("合計 2 世帯", "name=\"confirmed\" value=\"2\"");
		// Another office; another insurer's campaign.
		body(contact, "/admin/office/campaigns/" + campaignA + "/reminders?office=300", 403);
		assertThat(status(post("/admin/office/campaigns/" + campaignA + "/reminders").param("office", "300")
			.param("confirmed", "2"))).isEqualTo(403);
		assertThat(status(post("/admin/office/campaigns/" + campaignB + "/reminders").param("office", "100")
			.param("confirmed", "1"))).isEqualTo(404);
		// A stale count sends nothing.
		var stale = contact
			.perform(post("/admin/office/campaigns/" + campaignA + "/reminders").with(csrf())
				.param("office", "200")
				.param("confirmed", "5"))
			.andReturn();
		assertThat(stale.getFlashMap().get("flash")).isEqualTo("survey.reminder.problem.countChanged");
		assertThat(staffReminders("o1")).isZero();
		var sent = contact
			.perform(post("/admin/office/campaigns/" + campaignA + "/reminders").with(csrf())
				.param("office", "200")
				.param("confirmed", "2"))
			.andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).startsWith("/admin/office/campaigns/" + campaignA);
		assertThat(sent.getFlashMap().get("flash")).isEqualTo("office.reminders.sent");
		assertThat(staffReminders("o1")).isEqualTo(1);
		assertThat(staffReminders("o2")).isEqualTo(1);
		assertThat(staffReminders("o3")).isZero();
		assertThat(staffReminders("h3")).isZero();
		assertThat(staffReminders("f1")).isZero();
		assertThat(jdbc.sql("select details from audit_event where type = 'OFFICE_REMINDERS_SENT' and actor_id = ?")
			.param("office-" + a.code())
			.query(String.class)
			.list()).singleElement().satisfies(d -> assertThat(d).contains("offices=200", "households=2"));

		// No office chosen: every office of theirs at once (100: h1 差し戻し and h3–h60; 200:
		// o1, o2).
		String all = body(contact, "/admin/office/campaigns/" + campaignA + "/reminders", 200);
		assertThat(all).contains("担当のすべての事業所（100、200）", "合計 61 世帯", "name=\"confirmed\" value=\"61\"");
		var toAll = contact
			.perform(post("/admin/office/campaigns/" + campaignA + "/reminders").with(csrf()).param("confirmed", "61"))
			.andReturn();
		assertThat(toAll.getFlashMap().get("flash")).isEqualTo("office.reminders.sent");
		assertThat(staffReminders("h1")).isEqualTo(1);
		assertThat(staffReminders("h60")).isEqualTo(1);
		assertThat(staffReminders("o1")).isEqualTo(2);
		assertThat(staffReminders("h2")).as("確認完了").isZero();
		assertThat(staffReminders("f1")).as("not their office").isZero();
		assertThat(jdbc.sql("select details from audit_event where type = 'OFFICE_REMINDERS_SENT' and actor_id = ?")
			.param("office-" + a.code())
			.query(String.class)
			.list()).anySatisfy(d -> assertThat(d).contains("households=61"));
	}

	@Test
	void downloads_the_letters_of_their_offices_only() throws Exception {
		String osaka = pdfText("/admin/office/campaigns/" + campaignA + "/letters.pdf?office=200&kind=INVITATION");
		assertThat(osaka).contains("大阪1", "大阪2", "大阪3").doesNotContain("本社1", "福岡", "他社");
		String both = pdfText("/admin/office/campaigns/" + campaignA + "/letters.pdf?kind=INVITATION");
		assertThat(both).contains("大阪1", "本社1", "本社60").doesNotContain("福岡", "他社");
		body(contact, "/admin/office/campaigns/" + campaignA + "/letters.pdf?office=300&kind=INVITATION", 403);
		body(contact, "/admin/office/campaigns/" + campaignB + "/letters.pdf", 404);
		assertThat(jdbc.sql("select details from audit_event where type = 'OFFICE_LETTERS_PRINTED' and actor_id = ?")
			.param("office-" + a.code())
			.query(String.class)
			.list()).anyMatch(d -> d.contains("offices=200") && !d.contains("100"))
			.anyMatch(d -> d.contains("offices=100%2C200"));
	}

	private String pdfText(String url) throws Exception {
		var response = contact.perform(get(URI.create(url))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		try (var doc = Loader.loadPDF(response.getContentAsByteArray())) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}

	private long staffReminders(String bango) {
		return reminders.journal(a.id(), "1", bango).stream().filter(e -> "STAFF".equals(e.trigger())).count();
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return contact.perform(request.with(csrf())).andReturn().getResponse().getStatus();
	}

	@Test
	void the_admin_assigns_offices_of_the_roster_with_messages_next_to_the_field() throws Exception {
		String form = body(admin, "/admin/staff/new", 200);
		assertThat(form).contains("事業所担当者", "100　本社", "200　大阪支店", "300　福岡支店");
		String none = admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", "oc1-" + a.code())
				.param("displayName", "担当 一")
				.param("role", "OFFICE_CONTACT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains("担当する事業所を1つ以上選んでください", "oc1-" + a.code());
		String unknown = admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", "oc1-" + a.code())
				.param("displayName", "担当 一")
				.param("role", "OFFICE_CONTACT")
				.param("offices", "100", "999"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknown).contains("名簿にない事業所コードです：999");
		assertThat(accounts.exists("oc1-" + a.code())).isFalse();
		String created = admin
			.perform(post("/admin/staff/new").with(csrf())
				.param("loginId", "oc1-" + a.code())
				.param("displayName", "担当 一")
				.param("role", "OFFICE_CONTACT")
				.param("offices", "100", "300"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(created).startsWith("/admin/staff/");
		long id = accounts.findByLoginId("oc1-" + a.code()).orElseThrow().id();
		assertThat(offices(id)).containsExactly("100", "300");
		assertThat(body(admin, created, 200)).contains("事業所担当者", "100　本社", "300　福岡支店");
		String empty = admin.perform(post("/admin/staff/" + id + "/offices").with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(empty).contains("担当する事業所を1つ以上選んでください");
		assertThat(admin.perform(post("/admin/staff/" + id + "/offices").with(csrf()).param("offices", "200"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/admin/staff/" + id);
		assertThat(offices(id)).containsExactly("200");
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'STAFF_OFFICES_CHANGED' and target = ?")
			.param("staff:" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
		// Another insurer's office code is just unknown here.
		String foreign = admin
			.perform(post("/admin/staff/" + id + "/offices").with(csrf()).param("offices", "200", "B-100"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(foreign).contains("名簿にない事業所コードです：B-100");
	}

	private List<String> offices(long staffId) {
		return jdbc.sql("select office_code from staff_office where staff_id = ? order by office_code")
			.param(staffId)
			.query(String.class)
			.list();
	}

	private static List<String> households(String page) {
		List<String> out = new ArrayList<>();
		var m = Pattern.compile("<td>(1-h[0-9]+)</td>").matcher(page);
		while (m.find()) {
			out.add(m.group(1));
		}
		return out;
	}

	private static String body(StaffClient client, String url, int status) throws Exception {
		// A URL with escapes (the next-page key) is sent as it is, not encoded again.
		var response = client.perform(get(URI.create(url))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(status);
		return response.getContentAsString();
	}

	private void account(String bango) {
		long person = roster.findInsured(a.id(), "1", bango).orElseThrow().id();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(
				"""
						insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
						  created_at, updated_at) values (?, ?, ?, ?, 'x', ?, 'ACTIVE', ?, ?)""")
			.params(a.id(), person, "oc" + bango + a.id(), "oc" + bango + a.id(), bango + "@example.jp", now, now)
			.update();
	}

	private void status(String bango, String status) {
		jdbc.sql("update survey_form set status = ? where campaign_id = ? and bango = ?")
			.params(status, campaignA, bango)
			.update();
	}

	private static void household(List<RosterPerson> people, String bango, String name, String office,
			String officeName) {
		people.add(new RosterPerson(0, 0, "1", bango, "00", true, "本人", RelationshipCategory.SELF, name, "ジギョウショ タロウ",
				LocalDate.of(1980, 1, 1), Gender.MALE, null, office, officeName, null, null, true));
		people.add(new RosterPerson(0, 0, "1", bango, "01", false, "妻", RelationshipCategory.SPOUSE, name + "の妻",
				"ジギョウショ ハナコ", LocalDate.of(1982, 1, 1), Gender.FEMALE, null, office, officeName, true, null, true));
	}

	private static CampaignDraft draft(String title) {
		// The deadline lies far ahead: the campaigns are opened once for the whole class,
		// and the minutely CampaignCloser would otherwise close a campaign already past
		// its deadline in the middle of the tests.
		return new CampaignDraft(title, LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
				Instant.parse("2099-09-17T14:59:00Z"), false, "",
				new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
	}

}
