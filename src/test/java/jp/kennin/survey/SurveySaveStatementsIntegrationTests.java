package jp.kennin.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import jp.kennin.test.StatementCounter;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A save reads the form once and answers the new version without reading it again: an
 * autosave costs the form's four reads (form, campaign, dependents, answers) and one
 * write, plus marking the form started on its very first save. Before, it read the form
 * three times (14 statements).
 */
@KenninIntegrationTest
class SurveySaveStatementsIntegrationTests {

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

	@Autowired
	StatementCounter statements;

	private long formId;

	private long dependentId;

	private RequestPostProcessor member;

	@BeforeEach
	void openCampaign() {
		Tenant tenant = TestTenants.create(tenants, "文数テスト健保");
		String bango = "q" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(person(bango, "00", true, "本人", RelationshipCategory.SELF),
				person(bango, "01", false, "妻", RelationshipCategory.SPOUSE)));
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		dependentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		member = TestMember.of(tenant.id(), "1", bango);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void an_autosave_reads_the_form_once_and_answers_the_new_version() throws Exception {
		statements.start();
		mvc.perform(autosave("continuation", 0).param("continuation", "CONTINUE"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Kennin-Version", "1"));
		int first = statements.count();

		statements.start();
		mvc.perform(autosave("living", 1).param("living", "TOGETHER"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Kennin-Version", "2"));
		int next = statements.count();

		// Every member request first reads the tenant and its pages for the layout (2
		// statements).
		// First save: 4 reads + the insert's existence check and insert + marking the
		// form started.
		assertThat(first).as("statements of the first autosave").isLessThanOrEqualTo(2 + 7);
		// Every later save: 4 reads + 1 update (it was 2 + 14: the form was read three
		// times).
		assertThat(next).as("statements of a later autosave").isLessThanOrEqualTo(2 + 5);
	}

	@Test
	void a_step_save_with_a_typing_error_writes_nothing() throws Exception {
		statements.start();
		mvc.perform(autosave("continuation", 0)).andExpect(status().isUnprocessableEntity());
		assertThat(statements.count()).isLessThanOrEqualTo(2 + 4);
		assertThat(jdbc.sql("select count(*) from survey_answer where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single()).isZero();
	}

	private MockHttpServletRequestBuilder autosave(String slug, int version) {
		return post("/survey/{f}/d/{d}/{s}", formId, dependentId, slug).with(member)
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", String.valueOf(version));
	}

	private static RosterPerson person(String bango, String edaban, boolean insured, String relationship,
			RelationshipCategory category) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, "文数 太郎", "ブンスウ タロウ",
				LocalDate.of(1980, 4, 1), Gender.MALE, insured ? "bunsu@example.jp" : null, "100", "本社",
				insured ? null : true, null, true);
	}

}
