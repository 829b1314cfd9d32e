package jp.kennin.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.HtmlForm;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A free-text answer with a NUL (PostgreSQL cannot store it; it used to end in the 400
 * net page) is refused next to its question, with the step's other answers kept, and
 * nothing is saved, by the page or by its background save.
 */
@KenninIntegrationTest
class SurveyTextAnswerIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

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

	private long childId;

	@BeforeEach
	void openCampaign() {
		Tenant tenant = TestTenants.create(tenants, "文字テスト健保");
		bango = "nul" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "文字 太郎", LocalDate.of(1975, 4, 1)),
						person("02", false, "長男", RelationshipCategory.CHILD, "文字 一郎", LocalDate.of(2006, 5, 20))));
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.CHILD), null));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		childId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, "02")
			.query(Long.class)
			.single();
		member = TestMember.of(tenant.id(), "1", bango);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_nul_in_a_text_answer_is_refused_next_to_the_question_and_the_other_answers_are_kept() throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/{s}", formId, childId, "continuation").with(member)
			.with(csrf())
			.param("version", "0")
			.param("continuation", "CONTINUE"))
			.andExpect(redirectedUrl("/survey/" + formId + "/d/" + childId + "/living"));
		assertThat(version()).isOne();

		var response = mvc.perform(living("東京都文京区\u0000本郷１－１")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		HtmlForm page = HtmlForm.of(html);
		assertThat(page.error("address")).contains("改行や制御文字など、使えない文字が含まれています");
		assertThat(page.marked("address")).isTrue();
		assertThat(page.value("address")).startsWith("東京都文京区").endsWith("本郷１－１");
		assertThat(page.value("remittance")).isEqualTo("５万");
		assertThat(Jsoup.parse(html).select("input[name=remittanceMethod][checked]").eachAttr("value"))
			.containsExactly("TRANSFER");
		assertThat(Jsoup.parse(html).select("input[name=living][checked]").eachAttr("value")).containsExactly("APART");
		assertThat(version()).as("nothing saved").isOne();
		assertThat(address()).isNull();

		// The page's background save refuses it the same way.
		mvc.perform(living("東京都文京区\u0000本郷１－１").header("X-Kennin-Autosave", "1"))
			.andExpect(status().isUnprocessableEntity());
		assertThat(version()).as("nothing saved").isOne();
		assertThat(address()).isNull();

		mvc.perform(living("東京都文京区本郷１－１"))
			.andExpect(redirectedUrl("/survey/" + formId + "/d/" + childId + "/occupation"));
		assertThat(version()).isEqualTo(2);
		assertThat(address()).isEqualTo("東京都文京区本郷1-1"); // NFKC, as every text answer
	}

	private MockHttpServletRequestBuilder living(String address) {
		return post("/survey/{f}/d/{d}/{s}", formId, childId, "living").with(member)
			.with(csrf())
			.param("version", "1")
			.param("living", "APART")
			.param("address", address)
			.param("remittance", "５万")
			.param("remittanceMethod", "TRANSFER");
	}

	private int version() {
		return jdbc.sql("select version from survey_answer where survey_form_id = ? and dependent_id = ?")
			.params(formId, childId)
			.query(Integer.class)
			.single();
	}

	private String address() {
		return jdbc.sql("select address from survey_answer where survey_form_id = ? and dependent_id = ?")
			.params(formId, childId)
			.query(String.class)
			.list()
			.get(0);
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, LocalDate birth) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, name, "モジ タロウ", birth,
				Gender.MALE, insured ? "moji@example.jp" : null, "100", "本社", insured ? null : true, null, true);
	}

}
