package jp.kennin.survey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
import jp.kennin.test.TestMember;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One visibility policy: the SQL conditions say what the Java predicates say for every
 * campaign state and time, and a completed campaign's form is both listed and loadable,
 * read-only with its receipt number.
 */
@KenninIntegrationTest
class CampaignVisibilityIntegrationTests {

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
	MemberSurveys memberSurveys;

	private Tenant tenant;

	private String bango;

	private CampaignDraft draft;

	private long campaignId;

	private long formId;

	@BeforeEach
	void openCampaign() {
		tenant = TestTenants.create(tenants, "可視性テスト健保");
		bango = "v" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(person("00", true, "本人", RelationshipCategory.SELF),
				person("01", false, "妻", RelationshipCategory.SPOUSE)));
		draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void every_rule_says_the_same_in_sql_and_in_java_for_every_state_and_time() {
		Instant[] times = { draft.opensAt().minusSeconds(1), draft.opensAt(), draft.deadline().minusSeconds(1),
				draft.deadline(), draft.deadline().plus(Duration.ofDays(3)) };
		for (CampaignStatus state : CampaignStatus.values()) {
			for (boolean late : new boolean[] { false, true }) {
				jdbc.sql("update campaign set status = ?, late_submission_allowed = ? where id = ?")
					.params(state.name(), late, campaignId)
					.update();
				Campaign campaign = campaigns.find(tenant.id(), campaignId).orElseThrow();
				for (Instant now : times) {
					for (CampaignVisibility rule : CampaignVisibility.values()) {
						boolean bySql = jdbc.sql("select count(*) from campaign c where c.id = :id and " + rule.sql())
							.param("id", campaignId)
							.param(CampaignVisibility.NOW, Timestamp.from(now))
							.query(Integer.class)
							.single() == 1;
						assertThat(bySql).as("%s, %s, late %s, at %s", rule, state, late, now)
							.isEqualTo(rule.test(campaign, now));
					}
				}
			}
		}
	}

	@Test
	void a_completed_campaigns_form_is_listed_and_loadable_read_only_with_its_receipt_number() throws Exception {
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		jdbc.sql("update survey_form set status = 'SUBMITTED', receipt_number = ?, submitted_at = ? where id = ?")
			.params("2026-0001-0000042", Timestamp.from(clock.instant()), formId)
			.update();
		campaigns.close(tenant.id(), campaignId);
		campaigns.complete(CampaignActor.system(tenant.id(), "system"), campaignId);
		RequestPostProcessor member = TestMember.of(tenant.id(), "1", bango);

		// One form: the list goes straight to it, so the list and the URL are the same
		// rule.
		mvc.perform(get("/survey").with(member))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/survey/" + formId));
		mvc.perform(get("/survey/{f}", formId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(draft.title())))
			.andExpect(content().string(containsString("2026-0001-0000042")))
			.andExpect(content().string(not(containsString("/survey/" + formId + "/household"))))
			.andExpect(content().string(not(containsString("/withdraw"))));
		mvc.perform(get("/survey/{f}/receipt", formId).with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-0001-0000042")));
		// Not 回答が必要: the home panel lists running campaigns only.
		assertThat(memberSurveys.statusFor(tenant.id(), "1", bango)).isEmpty();
	}

	@Test
	void a_completed_campaign_is_listed_among_several_with_its_receipt_number() throws Exception {
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		CampaignDraft second = new CampaignDraft("2026年度 追加確認調査", draft.referenceDate(), draft.opensAt(),
				draft.deadline().plus(Duration.ofDays(14)), false, draft.instructions(), draft.rules());
		long secondId = campaigns.create(tenant.id(), second);
		campaigns.open(tenant.id(), secondId);
		jdbc.sql("update survey_form set status = 'SUBMITTED', receipt_number = ? where id = ?")
			.params("2026-0001-0000043", formId)
			.update();
		campaigns.close(tenant.id(), campaignId);
		campaigns.complete(CampaignActor.system(tenant.id(), "system"), campaignId);

		mvc.perform(get("/survey").with(TestMember.of(tenant.id(), "1", bango)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/survey/" + formId + "\"")))
			.andExpect(content().string(containsString(draft.title())))
			.andExpect(content().string(containsString("2026-0001-0000043")))
			.andExpect(content().string(containsString("2026年度 追加確認調査")));
	}

	@Test
	void a_campaign_in_preparation_is_neither_listed_nor_loadable() throws Exception {
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		jdbc.sql("update campaign set status = 'PREPARING' where id = ?").param(campaignId).update();
		RequestPostProcessor member = TestMember.of(tenant.id(), "1", bango);
		mvc.perform(get("/survey").with(member))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/survey/" + formId + "\""))));
		mvc.perform(get("/survey/{f}", formId).with(member)).andExpect(status().isNotFound());
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category) {
		return new RosterPerson(0, 0, "1", bango, edaban, insured, relationship, category, "可視 太郎", "カシ タロウ",
				LocalDate.of(1980, 4, 1), Gender.MALE, insured ? "kashi@example.jp" : null, "100", "本社",
				insured ? null : true, null, true);
	}

}
