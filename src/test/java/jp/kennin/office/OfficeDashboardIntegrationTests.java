package jp.kennin.office;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.lossnotice.LossNotices;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.lossnotice.NoticeSettings;
import jp.kennin.review.LossReason;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffClient;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static jp.kennin.lossnotice.NoticeFixture.keep;
import static jp.kennin.lossnotice.NoticeFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office contact's dashboard on households whose every figure is known: A and B 確認完了
 * at office 100 (A's child removed for 就職, B's spouse for 婚姻), C submitted with a warning
 * and D not started at office 200, E handed in on 31 July and sent back past its
 * correction deadline at office 300. The contact has 100 and 200: E is counted nowhere on
 * their dashboard, the removals are counts without names, and the cost estimate (set by
 * the insurer) is not shown.
 */
@KenninIntegrationTest
class OfficeDashboardIntegrationTests {

	static final String PASSWORD = "Office-dashboard-2026!";

	@Autowired
	MockMvc mvc;

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

	@Autowired
	Reviews reviews;

	@Autowired
	LossNotices notices;

	@Autowired
	StaffAccounts accounts;

	NoticeFixture fx;

	String[] h;

	StaffClient contact;

	String contactId;

	@BeforeEach
	void setUp() throws Exception {
		int n = NoticeFixture.SEQ.incrementAndGet();
		h = new String[] { "oa" + n, "ob" + n, "oc" + n, "od" + n, "oe" + n };
		String[] office = { "100", "100", "200", "200", "300" };
		String[] officeName = { "本社", "本社", "大阪支店", "大阪支店", "福岡支店" };
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 0; i < h.length; i++) {
			people.add(person(h[i], "00", "本人", RelationshipCategory.SELF, "事業所集計 本人" + i, office[i], officeName[i]));
			people.add(person(h[i], "01", "妻", RelationshipCategory.SPOUSE, "事業所集計 妻" + i, office[i], officeName[i]));
		}
		people.add(person(h[0], "02", "長男", RelationshipCategory.CHILD, "削除対象 長男", "100", "本社"));
		fx = new NoticeFixture(mvc, tenants, roster, campaigns, jdbc, clock, reviews, "事業所集計健保", people);
		for (String bango : h) {
			jdbc.sql("""
					insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, created_at)
					values (?, ?, '9', ?, 'MAIL', 'INVITATION', ?)""")
				.params(fx.tenant.id(), fx.campaignId, bango, Timestamp.from(fx.opens))
				.update();
		}
		// A, B, C hand in a day after the invitation; A and B are decided.
		fx.submit(h[0], List.of("01", "02"));
		fx.submit(h[1], List.of("01"));
		fx.submit(h[2], List.of("01"));
		fx.decideAndComplete(h[0], List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		fx.decideAndComplete(h[1], List.of("01"), List.of(remove(2026, 7, 1, LossReason.MARRIAGE)));
		jdbc.sql("update survey_form set precheck_warnings = 1, documents_missing = 1 where id = ?")
			.param(fx.form(h[2]))
			.update();
		jdbc.sql(
				"""
						update survey_form set status = 'RETURNED', submitted_at = ?, correction_deadline = ?, returned_count = 1
						where id = ?""")
			.params(Timestamp.from(fx.opens.plus(Duration.ofDays(3))),
					Timestamp.from(fx.opens.plus(Duration.ofDays(4))), fx.form(h[4]))
			.update();
		clock.setInstant(fx.opens.plus(Duration.ofDays(10)));
		notices.changeSettings(fx.admin, new NoticeSettings(null, null, 400_000L));
		contactId = "odash-" + fx.tenant.code();
		accounts.createOfficeContact(contactId, "事業所 集計", fx.tenant.id(), Set.of("100", "200"), PASSWORD);
		contact = StaffTestLogin.enrolAndLogin(mvc, clock, contactId, PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void counts_the_households_of_their_offices_only_without_names_or_cost() throws Exception {
		String page = body("/admin/office/campaigns/" + fx.campaignId + "/dashboard", 200);
		// Funnel over A–D: 4 targets, 1 registered (none has an account) … , 3 submitted,
		// 2 decided; E (office 300) is not there.
		assertThat(funnel(page)).containsExactly("4", "0", "3", "3", "2");
		assertThat(page).contains("100 本社", "200 大阪支店")
			.doesNotContain("300 福岡支店", "福岡")
			.contains("担当の事業所（100、200）の世帯だけを数えています。");
		assertThat(text(page, "pending-warnings")).isEqualTo("1");
		assertThat(text(page, "pending-returned")).as("E is office 300's").isEqualTo("0");
		assertThat(text(page, "pending-overdue")).isEqualTo("0");
		// Per day: A, B, C on 29 July; E's 31 July is not theirs.
		assertThat(page).contains("2026/07/29").doesNotContain("2026/07/31");
		// The invitation reached their 4 households, 3 of which handed in within 48 h.
		assertThat(page).containsPattern(
				"調査の案内</th>\\s*<td class=\"numeric\" data-value=\"4\">4</td>\\s*<td class=\"numeric\" data-value=\"3\">3</td>");
		// Removals: counts per 事由, nobody's name; no cost estimate or its setting.
		assertThat(text(page, "removed-total")).isEqualTo("2");
		assertThat(page).contains("就職", "婚姻")
			.doesNotContain("削除対象 長男", "事業所集計 妻1", "事業所集計 本人0")
			.doesNotContain("id=\"cost-avoided\"", "800,000円", "400,000円", "/admin/notice-settings");
		// The charts and their tables, with the strict-CSP scripts; the sort headers and
		// the office filter come back to this page.
		assertThat(page)
			.contains("data-table=\"funnel-table\"", "data-table=\"days-table\"", "data-table=\"outreach-table\"",
					"data-table=\"removals-table\"", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/dashboard.js")
			.doesNotContain("<script>", "sort-null")
			.contains("href=\"/admin/office/campaigns/" + fx.campaignId + "/dashboard?sort=targets&amp;dir=asc\"")
			.contains("action=\"/admin/office/campaigns/" + fx.campaignId + "/dashboard\"")
			.doesNotContain("/admin/campaigns/" + fx.campaignId);
		// The progress page links it.
		assertThat(body("/admin/office/campaigns/" + fx.campaignId, 200))
			.contains("href=\"/admin/office/campaigns/" + fx.campaignId + "/dashboard", ">ダッシュボード</a>");
	}

	@Test
	void one_of_their_offices_sorted_keeps_the_office_in_the_links() throws Exception {
		String osaka = body(
				"/admin/office/campaigns/" + fx.campaignId + "/dashboard?office=200&sort=submitted&dir=desc", 200);
		assertThat(funnel(osaka)).containsExactly("2", "0", "1", "1", "0");
		assertThat(osaka)
			.contains("<th scope=\"row\">200 大阪支店</th>", "事業所 200 の世帯だけを数えています。", "aria-sort=\"descending\"")
			.doesNotContain("<th scope=\"row\">100 本社</th>", "就職", "婚姻", "id=\"removed-total\"")
			.contains("dashboard?sort=submitted&amp;dir=asc&amp;office=200\"")
			.contains("<option value=\"200\" selected=\"selected\">");
		List<String> audited = jdbc.sql(
				"select details from audit_event where type = 'OFFICE_DASHBOARD_VIEWED' and actor_id = ? and target = ?")
			.params(contactId, "campaign:" + fx.campaignId)
			.query(String.class)
			.list();
		assertThat(audited).singleElement().satisfies(d -> assertThat(d).contains("offices=200").doesNotContain("100"));
		body("/admin/office/campaigns/" + fx.campaignId + "/dashboard", 200);
		assertThat(jdbc.sql(
				"select details from audit_event where type = 'OFFICE_DASHBOARD_VIEWED' and actor_id = ? and target = ?")
			.params(contactId, "campaign:" + fx.campaignId)
			.query(String.class)
			.list()).hasSize(2).anyMatch(d -> d.contains("offices=100%2C200"));
	}

	@Test
	void another_office_insurer_or_unopened_campaign_and_other_roles_are_refused() throws Exception {
		String url = "/admin/office/campaigns/" + fx.campaignId + "/dashboard";
		assertThat(body(url + "?office=300", 403)).doesNotContain("福岡", "就職");
		long preparing = campaigns.create(fx.tenant.id(), draft("準備中の調査"));
		body("/admin/office/campaigns/" + preparing + "/dashboard", 404);
		Tenant other = TestTenants.create(tenants, "他の事業所健保");
		roster.upsert(other.id(), List.of(person("x1", "00", "本人", RelationshipCategory.SELF, "他社 太郎", "100", "本社"),
				person("x1", "01", "妻", RelationshipCategory.SPOUSE, "他社 花子", "100", "本社")));
		long foreign = campaigns.create(other.id(), draft("他健保の調査"));
		campaigns.open(other.id(), foreign);
		body("/admin/office/campaigns/" + foreign + "/dashboard", 404);
		body("/admin/office/campaigns/" + foreign + "/dashboard?office=100", 404);
		body("/admin/office/campaigns/987654321/dashboard", 404);
		// The insurer's own staff, operators and members: not theirs.
		mvc.perform(get(url).with(TestStaff.tenantAdmin(fx.tenant.id()))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(TestStaff.reviewer(fx.tenant.id()))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(TestStaff.operator())).andExpect(status().isForbidden());
		mvc.perform(get(url).with(fx.member(h[0]))).andExpect(status().isForbidden());
		// And the office contact gets no staff dashboard.
		body("/admin/campaigns/" + fx.campaignId + "/dashboard", 403);
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'OFFICE_DASHBOARD_VIEWED' and actor_id = ?")
			.param(contactId)
			.query(Long.class)
			.single()).isZero();
	}

	/** The funnel table's counts, targets to decided. */
	private static List<String> funnel(String page) {
		String table = page.substring(page.indexOf("id=\"funnel-table\""),
				page.indexOf("</table>", page.indexOf("id=\"funnel-table\"")));
		List<String> out = new ArrayList<>();
		var m = Pattern.compile("data-value=\"([0-9]+)\"").matcher(table);
		while (m.find()) {
			out.add(m.group(1));
		}
		return out;
	}

	private static String text(String page, String id) {
		var m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1);
	}

	private String body(String url, int status) throws Exception {
		var response = contact.perform(get(URI.create(url))).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(status);
		return response.getContentAsString();
	}

	private static RosterPerson person(String bango, String edaban, String relationship, RelationshipCategory category,
			String name, String office, String officeName) {
		boolean insured = "00".equals(edaban);
		return new RosterPerson(0, 0, "9", bango, edaban, insured, relationship, category, name, "ジギョウショ",
				LocalDate.of(insured ? 1970 : 1972, 4, 1), Gender.FEMALE, insured ? bango + "@example.jp" : null,
				office, officeName, insured ? null : true, null, true);
	}

	private static CampaignDraft draft(String title) {
		return new CampaignDraft(title, LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
				Instant.parse("2026-09-17T14:59:00Z"), false, "",
				new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
	}

}
