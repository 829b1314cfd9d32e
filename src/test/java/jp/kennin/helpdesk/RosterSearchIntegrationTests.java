package jp.kennin.helpdesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 名簿の検索 as the help desk uses it: without criteria everyone, paged by 記号・番号 with the
 * count; each household's survey status; the person detail with the household's forms,
 * submission time and 受付番号.
 */
@KenninIntegrationTest
class RosterSearchIntegrationTests {

	private static final Pattern ROW_KEY = Pattern.compile("/admin/roster/people/\\d+\">([^<]+)</a>");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

	private static final Pattern PREV = Pattern.compile("rel=\"prev\" href=\"([^\"]+)\"");

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
	AuditLog audit;

	@Test
	void without_criteria_everyone_is_listed_by_kigo_and_bango_with_the_count_and_pages_by_position() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "名簿一覧健保");
		List<RosterPerson> people = new ArrayList<>();
		// Two 記号 and 番号 inserted out of order; the list is in the order of 記号, then 番号.
		IntStream.rangeClosed(1, 1_030)
			.map(i -> 1_031 - i)
			.forEach(i -> people.add(insured(i <= 1_000 ? "01" : "02", String.format("b%04d", i), true)));
		people.add(insured("01", "z-gone", false));
		roster.upsert(tenant.id(), people);
		RequestPostProcessor reviewer = TestStaff.reviewer(tenant.id());
		List<String> expected = IntStream.rangeClosed(1, 1_030)
			.mapToObj(i -> (i <= 1_000 ? "01-" : "02-") + String.format("b%04d", i))
			.toList();

		String first = page(reviewer, get("/admin/roster"));
		assertThat(first).contains("1,030件").doesNotContain("該当する方はいません");
		assertThat(keys(first)).containsExactlyElementsOf(expected.subList(0, 50));
		assertThat(first).doesNotContain("rel=\"prev\"");

		String second = follow(reviewer, NEXT, first);
		assertThat(keys(second)).containsExactlyElementsOf(expected.subList(50, 100));
		assertThat(second).contains("1,030件").contains("最初の50件");
		assertThat(keys(follow(reviewer, PREV, second))).containsExactlyElementsOf(expected.subList(0, 50));

		// The last page, reached by position after the last 記号-番号 but one page.
		String last = page(reviewer, get("/admin/roster").param("after", expected.get(999)));
		assertThat(keys(last)).containsExactlyElementsOf(expected.subList(1_000, 1_030));
		assertThat(last).doesNotContain("rel=\"next\"");
		// Going back from the second page of 記号 02 gives a full page, not a short one.
		assertThat(keys(follow(reviewer, PREV, last))).containsExactlyElementsOf(expected.subList(950, 1_000));

		assertThat(page(reviewer, get("/admin/roster").param("lang", "en"))).contains("1,030 insured persons");
		assertThat(page(reviewer, get("/admin/roster").param("active", "inactive"))).contains("1件")
			.contains("01-z-gone");
		assertThat(page(reviewer, get("/admin/roster").param("bango", "nobody"))).contains("該当する方はいません");
	}

	@Test
	void page_numbers_and_positions_out_of_range_never_fail() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "名簿範囲健保");
		roster.upsert(tenant.id(), IntStream.rangeClosed(1, 60).mapToObj(i -> insured("01", "p" + i, true)).toList());
		RequestPostProcessor reviewer = TestStaff.reviewer(tenant.id());
		for (String[] param : new String[][] { { "page", "2147483647" }, { "page", "-1" }, { "page", "x" },
				{ "after", "zz-zz" }, { "after", "-" }, { "after", "x".repeat(5000) }, { "before", "00-0" },
				{ "before", "" } }) {
			String html = page(reviewer, get("/admin/roster").param(param[0], param[1]));
			assertThat(html).as(param[0] + "=" + param[1]).contains("60件");
			assertThat(keys(html)).as(param[0] + "=" + param[1]).hasSize(50);
		}
	}

	@Test
	void each_household_shows_its_survey_status_in_the_current_campaign_or_the_one_chosen() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "調査状況健保");
		roster.upsert(tenant.id(), List.of(insured("01", "s1", true), spouse("01", "s1"), insured("01", "s2", true),
				spouse("01", "s2"), insured("01", "s3", true), spouse("01", "s3"), insured("01", "s4", true)));
		long older = openCampaign(tenant, "2025年度 被扶養者資格調査", 2025);
		campaigns.close(tenant.id(), older);
		long current = openCampaign(tenant, "2026年度 被扶養者資格調査", 2026);
		setForm(current, "s2", "IN_PROGRESS", null, null);
		setForm(current, "s3", "SUBMITTED", "2026-0001-0000003", Instant.parse("2026-08-01T12:34:00Z"));
		setForm(older, "s1", "SUBMITTED", "2025-0001-0000001", Instant.parse("2025-08-01T00:00:00Z"));
		RequestPostProcessor reviewer = TestStaff.reviewer(tenant.id());

		String html = page(reviewer, get("/admin/roster"));
		assertThat(html).contains("「調査票」の列は「2026年度 被扶養者資格調査」の状況です。")
			.contains("<option value=\"" + current + "\" selected=\"selected\">2026年度 被扶養者資格調査（公開中）</option>")
			.contains("2025年度 被扶養者資格調査（締切）");
		assertThat(surveyCell(html, "01-s1")).isEqualTo("未作成");
		assertThat(surveyCell(html, "01-s2")).isEqualTo("作成中");
		assertThat(surveyCell(html, "01-s3")).isEqualTo("提出済み");
		assertThat(surveyCell(html, "01-s4")).isEqualTo("対象外");

		String chosen = page(reviewer, get("/admin/roster").param("campaign", String.valueOf(older)));
		assertThat(surveyCell(chosen, "01-s1")).isEqualTo("提出済み");
		assertThat(surveyCell(chosen, "01-s2")).isEqualTo("未作成");
		// The search result lists statuses, it shows no person's detail: nothing is
		// audited for it.
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, null, 50)))
			.noneMatch(e -> e.type().startsWith("ROSTER_PERSON"));
	}

	@Test
	void the_person_detail_shows_the_households_forms_with_submission_time_and_receipt_number_audited()
			throws Exception {
		Tenant tenant = TestTenants.create(tenants, "受付番号健保");
		roster.upsert(tenant.id(), List.of(insured("01", "r1", true), spouse("01", "r1"), insured("01", "r2", true)));
		long older = openCampaign(tenant, "2025年度 被扶養者資格調査", 2025);
		long current = openCampaign(tenant, "2026年度 被扶養者資格調査", 2026);
		setForm(current, "r1", "SUBMITTED", "2026-0002-0000001", Instant.parse("2026-08-01T12:34:00Z"));
		// Withdrawn to edit: the 受付番号 and the last submission stay.
		setForm(older, "r1", "IN_PROGRESS", "2025-0001-0000001", Instant.parse("2025-08-02T01:00:00Z"));
		RequestPostProcessor admin = TestStaff.tenantAdmin(tenant.id());
		List<RosterPerson> household = roster.household(tenant.id(), "01", "r1");

		String html = page(admin, get("/admin/roster/people/" + household.get(0).id()));
		String forms = html.substring(html.indexOf("id=\"survey-forms\""),
				html.indexOf("</table>", html.indexOf("id=\"survey-forms\"")));
		assertThat(forms.indexOf("2026年度")).isLessThan(forms.indexOf("2025年度"));
		assertThat(forms).contains("提出済み")
			.contains("2026/08/01 21:34")
			.contains("2026-0002-0000001")
			.contains("作成中")
			.contains("提出後に取り消して修正中（最後の提出：2025/08/02 10:00）")
			.contains("2025-0001-0000001")
			.contains("/admin/survey-forms/");
		assertThat(audit
			.search(new AuditLog.Query(tenant.id(), null, null, null, "roster_person:" + household.get(0).id(), 10)))
			.extracting(e -> e.type())
			.contains("ROSTER_PERSON_VIEWED");

		// A caller may be the spouse: the dependent's detail shows the household's forms
		// too, and is audited.
		assertThat(page(admin, get("/admin/roster/people/" + household.get(1).id()))).contains("2026-0002-0000001");
		assertThat(audit
			.search(new AuditLog.Query(tenant.id(), null, null, null, "roster_person:" + household.get(1).id(), 10)))
			.extracting(e -> e.type())
			.contains("ROSTER_PERSON_VIEWED");

		long without = roster.findInsured(tenant.id(), "01", "r2").orElseThrow().id();
		assertThat(page(admin, get("/admin/roster/people/" + without))).contains("この世帯の調査票はありません");
	}

	private long openCampaign(Tenant tenant, String title, int year) {
		Instant opens = ZonedDateTime.of(year, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		Instant deadline = ZonedDateTime.of(year, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		long id = campaigns.create(tenant.id(), new CampaignDraft(title, LocalDate.of(year, 7, 1), opens, deadline,
				false, "", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), id);
		return id;
	}

	private void setForm(long campaignId, String bango, String status, String receipt, Instant submittedAt) {
		jdbc.sql(
				"update survey_form set status = ?, receipt_number = ?, submitted_at = ? where campaign_id = ? and bango = ?")
			.params(status, receipt, submittedAt == null ? null : Timestamp.from(submittedAt), campaignId, bango)
			.update();
	}

	private static RosterPerson insured(String kigo, String bango, boolean active) {
		return new RosterPerson(0, 0, kigo, bango, RosterPerson.INSURED_EDABAN, true, "本人", RelationshipCategory.SELF,
				"検索 太郎", "ケンサク タロウ", LocalDate.of(1980, 4, 1), RosterPerson.Gender.MALE, null, "100", "本社", null, null,
				active);
	}

	private static RosterPerson spouse(String kigo, String bango) {
		return new RosterPerson(0, 0, kigo, bango, "01", false, "妻", RelationshipCategory.SPOUSE, "検索 花子", "ケンサク ハナコ",
				LocalDate.of(1982, 5, 1), RosterPerson.Gender.FEMALE, null, "100", "本社", true, null, true);
	}

	private String page(RequestPostProcessor staff, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(staff))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String follow(RequestPostProcessor staff, Pattern link, String html) throws Exception {
		Matcher m = link.matcher(html);
		assertThat(m.find()).as("link " + link).isTrue();
		return page(staff, get(m.group(1).replace("&amp;", "&")));
	}

	private static List<String> keys(String html) {
		return ROW_KEY.matcher(html).results().map(m -> m.group(1)).toList();
	}

	/** The text of the last cell (調査票) of the row of a 記号-番号. */
	private static String surveyCell(String html, String key) {
		int row = html.indexOf(">" + key + "</a>");
		assertThat(row).as("row of " + key).isPositive();
		int end = html.indexOf("</tr>", row);
		int cell = html.lastIndexOf("<td", end);
		return html.substring(html.indexOf('>', cell) + 1, html.indexOf("</td>", cell)).strip();
	}

}
