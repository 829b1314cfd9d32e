package jp.kennin.survey;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class CampaignControllerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	jp.kennin.test.MutableClock clock;

	private Tenant tenant;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "画面テスト健保");
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "1", "1", "00", true, "本人", RelationshipCategory.SELF, "画面 太郎", "ガメン タロウ",
						LocalDate.of(1980, 1, 1), RosterPerson.Gender.MALE, "g@example.jp", "100", "本社", null, null,
						true),
				new RosterPerson(0, 0, "1", "1", "01", false, "妻", RelationshipCategory.SPOUSE, "画面 花子", "ガメン ハナコ",
						LocalDate.of(1982, 1, 1), RosterPerson.Gender.FEMALE, null, "100", "本社", true, null, true)));
	}

	@Test
	void tenant_admin_creates_previews_and_opens_a_campaign() throws Exception {
		MvcResult created = mvc
			.perform(post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
				.with(csrf())
				.param("title", "２０２６年度 被扶養者資格調査")
				.param("referenceDate", "2026-07-01")
				.param("opensDate", "2026/07/28")
				.param("opensTime", "9:00")
				.param("deadlineDate", "2026-09-17")
				.param("deadlineTime", "23:59")
				.param("ageOn", "")
				.param("ageMin", "")
				.param("ageMax", "")
				.param("categories", "SPOUSE", "CHILD"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "survey.campaign.flash.created"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026年度 被扶養者資格調査")))
			.andExpect(content().string(containsString("対象：1世帯、被扶養者1人")))
			.andExpect(content().string(containsString("2026年9月17日(木) 23:59")));
		mvc.perform(get(location + "/open").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("1世帯・被扶養者1人の調査票を作成します。")));
		mvc.perform(post(location + "/open").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("households", "1")
			.param("dependents", "1")).andExpect(flash().attribute("flash", "survey.campaign.flash.opened"));
		mvc.perform(get(location).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("公開中")));
	}

	@Test
	void bad_input_is_explained_next_to_each_field_and_kept() throws Exception {
		mvc.perform(post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", "")
			.param("referenceDate", "2026-02-30")
			.param("opensDate", "2026-09-18")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("ageOn", "")
			.param("ageMin", "30")
			.param("ageMax", "20")
			.param("_categories", "on")
			.param("instructions", "入力した案内文"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("入力内容に誤りがあります")))
			.andExpect(content().string(containsString("調査名を入力してください。")))
			.andExpect(content().string(containsString("基準日は「2026-09-17」の形式で、実在する日付を入力してください。")))
			.andExpect(content().string(containsString("回答期限は公開日時より後の日時にしてください。")))
			.andExpect(content().string(containsString("「何歳以下」は「何歳以上」と同じか")))
			.andExpect(content().string(containsString("対象とする続柄を1つ以上選んでください。")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("入力した案内文")))
			.andExpect(content().string(containsString("value=\"2026-02-30\"")));
	}

	@Test
	void each_date_and_time_error_names_its_field_in_the_summary_and_next_to_the_field() throws Exception {
		String page = mvc
			.perform(post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
				.with(csrf())
				.param("title", "期限なし調査")
				.param("referenceDate", "")
				.param("opensDate", "")
				.param("opensTime", "9時")
				.param("deadlineDate", "")
				.param("deadlineTime", "23:59")
				.param("ageOn", "2026-04-01")
				.param("ageMin", "十八")
				.param("categories", "SPOUSE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String summary = page.substring(page.indexOf("error-summary"),
				page.indexOf("</ul>", page.indexOf("error-summary")));
		assertThat(summary)
			.contains("基準日を入力してください。", "公開日時の日付を入力してください。", "公開日時の時刻は「23:59」の形式で入力してください。", "回答期限の日付を入力してください。",
					"「何歳以上」は0から120までの数字で入力してください。")
			.doesNotContain(">日付を入力してください。");
		assertThat(page).contains("id=\"deadlineDate-error\"")
			.containsPattern("id=\"deadlineDate-error\">\\s*<span[^>]*>[^<]*</span>\\s*回答期限の日付を入力してください。");
	}

	@Test
	void a_new_campaign_counts_ages_on_april_1st_so_the_default_age_rule_validates() throws Exception {
		try {
			clock.setInstant(ZonedDateTime.of(2026, 2, 10, 12, 0, 0, 0, jp.kennin.platform.JapanTime.ZONE).toInstant());
			mvc.perform(get("/admin/campaigns/new").with(TestStaff.tenantAdmin(tenant.id())))
				.andExpect(content().string(containsString("id=\"ageOn\" name=\"ageOn\" value=\"2025-04-01\"")));
			clock.setInstant(ZonedDateTime.of(2026, 7, 1, 12, 0, 0, 0, jp.kennin.platform.JapanTime.ZONE).toInstant());
			mvc.perform(get("/admin/campaigns/new").with(TestStaff.tenantAdmin(tenant.id())))
				.andExpect(content().string(containsString("id=\"ageOn\" name=\"ageOn\" value=\"2026-04-01\"")))
				.andExpect(content().string(containsString("id=\"ageMin\" name=\"ageMin\" value=\"18\"")))
				.andExpect(content().string(containsString("id=\"opensTime\" name=\"opensTime\" value=\"09:00\"")))
				.andExpect(content().string(containsString("基準日の初期値は今年度の4月1日")));
		}
		finally {
			clock.reset();
		}
		// What the page offered, with only the required fields filled in.
		mvc.perform(post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", "初期値のままの調査")
			.param("referenceDate", "2026-07-01")
			.param("opensDate", "2026-07-28")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("ageOn", "2026-04-01")
			.param("ageMin", "18")
			.param("ageMax", "")
			.param("categories", "SPOUSE", "CHILD", "PARENT", "GRANDPARENT", "GRANDCHILD", "SIBLING", "OTHER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "survey.campaign.flash.created"));
		Campaign created = campaigns.list(tenant.id())
			.stream()
			.filter(c -> c.title().equals("初期値のままの調査"))
			.findFirst()
			.orElseThrow();
		assertThat(created.rules().ageOn()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(created.rules().ageMin()).isEqualTo(18);
	}

	@Test
	void ages_without_their_own_date_count_on_the_campaigns_reference_date() throws Exception {
		mvc.perform(post("/admin/campaigns").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", "基準日で数える調査")
			.param("referenceDate", "2026-07-01")
			.param("opensDate", "2026-07-28")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("ageOn", "")
			.param("ageMin", "18")
			.param("categories", "SPOUSE")).andExpect(status().is3xxRedirection());
		assertThat(campaigns.list(tenant.id())
			.stream()
			.filter(c -> c.title().equals("基準日で数える調査"))
			.findFirst()
			.orElseThrow()
			.rules()
			.ageOn()).isEqualTo(LocalDate.of(2026, 7, 1));
	}

	@Test
	void exclusion_list_in_windows_31j_is_read_and_bad_rows_are_reported() throws Exception {
		long id = campaigns.create(tenant.id(), CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		byte[] sjis = "記号,番号,枝番\r\n1,1,1\r\n".getBytes(Charset.forName("windows-31j"));
		mvc.perform(multipart("/admin/campaigns/{id}/exclusions", id)
			.file(new MockMultipartFile("file", "除外.csv", "text/csv", sjis))
			.with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())).andExpect(flash().attribute("flash", "survey.campaign.flash.exclusions"));
		assertThat(campaigns.preview(tenant.id(), id).dependents()).isZero();

		byte[] bad = "\uFEFF記号,番号\n1,1\n".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/admin/campaigns/{id}/exclusions", id)
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", bad))
			.with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())).andExpect(flash().attribute("exclusionErrors", List.of("1行目: 列「枝番」がありません（必要な列：記号,番号,枝番）")));
		assertThat(campaigns.exclusionCount(tenant.id(), id)).isEqualTo(1);
	}

	@Test
	void reviewers_read_but_cannot_change_and_other_tenants_get_404() throws Exception {
		long id = campaigns.create(tenant.id(), CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		mvc.perform(get("/admin/campaigns/{id}", id).with(TestStaff.reviewer(tenant.id()))).andExpect(status().isOk());
		mvc.perform(post("/admin/campaigns/{id}/open", id).with(TestStaff.reviewer(tenant.id())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/campaigns/new").with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isForbidden());

		Tenant other = TestTenants.create(tenants, "よその健保");
		mvc.perform(get("/admin/campaigns/{id}", id).with(TestStaff.tenantAdmin(other.id())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{id}/open", id).with(TestStaff.tenantAdmin(other.id())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns").with(TestStaff.operator())).andExpect(status().isForbidden());
		mvc.perform(get("/admin/campaigns")).andExpect(status().is3xxRedirection());
		assertThat(campaigns.find(tenant.id(), id)).get()
			.extracting(Campaign::status)
			.isEqualTo(CampaignStatus.PREPARING);
	}

}
