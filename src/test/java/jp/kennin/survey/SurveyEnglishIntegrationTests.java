package jp.kennin.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A member who chose English reads the survey's dates, amounts and 続柄 in English: the
 * deadline with the month spelled out, ¥ amounts and limits, "eldest son" rather than 長男.
 * Names and addresses stay as written.
 */
@KenninIntegrationTest
class SurveyEnglishIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	/** Wed, 2 Dec 2026, 14:05 — a weekday, a day, a spelled month, a year and a time. */
	private static final String ENGLISH_DEADLINE = "[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}";

	/**
	 * 2026年12月2日, as Japanese pages write a date (the campaign title 「2026年度…」 is the
	 * insurer's own text).
	 */
	private static final String JAPANESE_DATE = "\\d+年\\d+月\\d+日";

	private static final Cookie ENGLISH = new Cookie("KENNIN_LANG", "en");

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

	private String bango;

	private RequestPostProcessor member;

	private long formId;

	@BeforeEach
	void openCampaign() {
		Tenant tenant = TestTenants.create(tenants, "英語テスト健保");
		bango = "e" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "英語 太郎", LocalDate.of(1975, 4, 1)),
						person("01", false, "妻", RelationshipCategory.SPOUSE, "英語 花子", LocalDate.of(1977, 4, 1)),
						person("02", false, "長男", RelationshipCategory.CHILD, "英語 一郎", LocalDate.of(2006, 5, 20))));
		CampaignDraft draft = CampaignIntegrationTests.draft(new TargetRules(null, null, null,
				EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		member = TestMember.of(tenant.id(), "1", bango);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void dates_amounts_and_relationships_are_english() throws Exception {
		long son = dependentId("02");
		long wife = dependentId("01");

		String tasks = page(get("/survey/{f}", formId));
		assertThat(tasks).contains("Answer for 英語 一郎 (eldest son)")
			.contains("英語 花子 (wife)")
			.containsPattern(ENGLISH_DEADLINE)
			.doesNotContain("（長男）")
			.doesNotContain("(長男)")
			.doesNotContainPattern(JAPANESE_DATE);

		assertThat(page(get("/survey/{f}/household", formId))).contains("(Optional)")
			.contains("For example 5000000 or 5,000,000")
			.doesNotContain("（")
			.doesNotContain("万");

		String step = page(get("/survey/{f}/d/{d}/continuation", formId, son));
		assertThat(step).contains("About 英語 一郎 (eldest son)").contains("20 May 2006").doesNotContain("2006年");

		// Lives apart with 50,000 yen a month, earns 1,400,000 yen a year (typed as a
		// Japanese member would).
		save(step(son, "continuation", 0).param("continuation", "CONTINUE"));
		save(step(son, "living", 1).param("living", "APART")
			.param("address", "東京都文京区本郷１－１")
			.param("remittance", "５万")
			.param("remittanceMethod", "TRANSFER"));
		save(step(son, "occupation", 2).param("occupations", "STUDENT", "PART_TIME")
			.param("schoolName", "検認大学")
			.param("schoolGrade", "2年"));
		save(step(son, "income", 3).param("incomeSalary", "１，４００，０００"));
		save(step(son, "residence", 4).param("residence", "DOMESTIC"));
		save(step(son, "disability", 5).param("disabled", "no"));
		String section = page(get("/survey/{f}/d/{d}", formId, son));
		assertThat(section).contains("Answers for 英語 一郎 (eldest son)")
			.contains("¥1,400,000")
			.contains("(salary ¥1,400,000, pension ¥0")
			.contains("Monthly remittance ¥50,000")
			.contains("below ¥1,500,000")
			.doesNotContain("万円")
			.doesNotContain("x 10,000")
			.doesNotContain(" yen");

		save(step(wife, "continuation", 0).param("continuation", "REMOVE")
			.param("removalYear", "2026")
			.param("removalMonth", "8")
			.param("removalDay", "1")
			.param("removalReason", "EMPLOYED"));
		String check = page(get("/survey/{f}/check", formId));
		assertThat(check).contains("英語 花子 (wife)")
			.contains("英語 一郎 (eldest son)")
			.contains("1 Aug 2026")
			.contains("¥1,400,000")
			.contains("below ¥1,500,000")
			.doesNotContainPattern(JAPANESE_DATE)
			.doesNotContain("万円")
			.doesNotContain("（妻）");
	}

	@Test
	void the_same_pages_stay_japanese_by_default() throws Exception {
		long son = dependentId("02");
		String tasks = mvc.perform(get("/survey/{f}", formId).with(member))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tasks).contains("英語 一郎さん（長男）").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日\\(.\\) \\d{2}:\\d{2}");
		String step = mvc.perform(get("/survey/{f}/d/{d}/continuation", formId, son).with(member))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(step).contains("2006年5月20日").doesNotContain("eldest son");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(member).cookie(ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void save(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request.cookie(ENGLISH)).andExpect(status().is3xxRedirection());
	}

	private MockHttpServletRequestBuilder step(long dependentId, String slug, int version) {
		return post("/survey/{f}/d/{d}/{s}", formId, dependentId, slug).with(member)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private long dependentId(String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, LocalDate birth) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, name, "エイゴ タロウ", birth,
				Gender.MALE, insured ? "eigo@example.jp" : null, "100", "本社", insured ? null : true, null, true);
	}

}
