package jp.kennin.review;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.ReviewQueue;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review queue and the review screen as staff use them, and the queue's filters and
 * key paging.
 */
@KenninIntegrationTest
class ReviewPagesIntegrationTests {

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
	ReviewQueue queue;

	@Autowired
	AuditLog audit;

	private ReviewFixture f;

	@BeforeEach
	void setUp() throws Exception {
		f = new ReviewFixture(mvc, tenants, roster, campaigns, jdbc, clock);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_reviewer_finds_the_form_starts_decides_and_completes_it_on_the_pages() throws Exception {
		f.submit();
		var reviewer = TestStaff.reviewer(f.tenant.id());
		mvc.perform(get("/admin/campaigns/{id}/review", f.campaignId).param("q", "9-" + f.bango).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("審査 太郎")))
			.andExpect(content().string(containsString("審査を始める")));
		mvc.perform(get("/admin/campaigns/{id}/review", f.campaignId).param("q", "存在しない名前").with(reviewer))
			.andExpect(content().string(containsString("該当する調査票はありません。")));
		mvc.perform(post("/admin/campaigns/{id}/review/{f}/start", f.campaignId, f.formId).with(reviewer).with(csrf()))
			.andExpect(redirectedUrl("/admin/reviews/" + f.formId));
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("審査 花子")))
			.andExpect(content().string(containsString("審査 一郎")))
			.andExpect(content().string(containsString("確認を完了する")));
		for (long d : List.of(f.spouseId, f.childId)) {
			mvc.perform(post("/admin/reviews/{f}/dependents/{d}/decision", f.formId, d).with(reviewer)
				.with(csrf())
				.param("version", String.valueOf(version()))
				.param("decision", "CONTINUE")).andExpect(flash().attribute("flash", "review.flash.decided"));
		}
		mvc.perform(post("/admin/reviews/{f}/complete", f.formId).with(reviewer).with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("problem", ReviewProblem.STALE));
		mvc.perform(post("/admin/reviews/{f}/complete", f.formId).with(reviewer)
			.with(csrf())
			.param("version", String.valueOf(version())))
			.andExpect(flash().attribute("flash", "review.flash.completed"));
		assertThat(f.formStatus()).isEqualTo("COMPLETED");
		mvc.perform(get("/admin/campaigns/{id}/review", f.campaignId).param("tab", "COMPLETED").with(reviewer))
			.andExpect(content().string(containsString("審査 太郎")));
		assertThat(audit.search(new AuditLog.Query(f.tenant.id(), null, null, null, "campaign:" + f.campaignId, 20)))
			.extracting(e -> e.type())
			.contains("REVIEW_QUEUE_VIEWED");
	}

	@Test
	void returning_on_the_page_needs_a_reason_keeps_the_message_and_then_shows_it() throws Exception {
		f.submit();
		var admin = TestStaff.tenantAdmin(f.tenant.id());
		mvc.perform(post("/admin/campaigns/{id}/review/{f}/start", f.campaignId, f.formId).with(admin).with(csrf()));
		mvc.perform(post("/admin/reviews/{f}/return", f.formId).with(admin)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("message", "書類を確認してください"))
			.andExpect(flash().attribute("problem", ReviewProblem.RETURN_REASON_REQUIRED))
			.andExpect(flash().attribute("returnMessage", "書類を確認してください"));
		mvc.perform(post("/admin/reviews/{f}/return", f.formId).with(admin)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("message", "書類を確認してください")
			.param("reason-" + f.childId, "在学証明書が不鮮明です"))
			.andExpect(flash().attribute("flash", "review.flash.returned"));
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(admin))
			.andExpect(content().string(containsString("書類を確認してください")))
			.andExpect(content().string(containsString("在学証明書が不鮮明です")))
			.andExpect(content().string(not(containsString("id=\"complete\""))));
	}

	@Test
	void operators_are_refused_and_an_unknown_form_is_not_found() throws Exception {
		mvc.perform(get("/admin/campaigns/{id}/review", f.campaignId).with(TestStaff.operator()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/reviews/{f}", 987654321L).with(TestStaff.reviewer(f.tenant.id())))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_queue_pages_by_key_filters_and_searches() {
		long tenant = f.tenant.id();
		List<String> bangos = new ArrayList<>();
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String bango = f.bango + "q" + i;
			bangos.add(bango);
			people.add(new RosterPerson(0, 0, "7", bango, "00", true, "本人", RelationshipCategory.SELF, "列 " + i,
					"レツ " + i, LocalDate.of(1980, 1, 1), Gender.MALE, null, i < 2 ? "200" : "300", "支店", null, null,
					true));
			people.add(new RosterPerson(0, 0, "7", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "妻 " + i,
					"ツマ " + i, LocalDate.of(1982, 1, 1), Gender.FEMALE, null, i < 2 ? "200" : "300", "支店", true, null,
					true));
		}
		roster.upsert(tenant, people);
		long campaign = campaigns.create(tenant,
				new CampaignDraft("行列テスト", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant, campaign);
		Instant base = Instant.parse("2026-08-01T00:00:00Z");
		for (int i = 0; i < 5; i++) {
			// Same time for two forms: the key must include the ID so neither is skipped
			// nor repeated.
			Instant at = base.plus(Duration.ofHours(i == 2 ? 1 : i));
			jdbc.sql("""
					update survey_form set status = 'SUBMITTED', submitted_at = ?, documents_missing = ?
					where tenant_id = ? and campaign_id = ? and bango = ?""")
				.params(Timestamp.from(at), i % 2, tenant, campaign, bangos.get(i))
				.update();
		}
		Instant now = base.plus(Duration.ofDays(3));
		List<String> seen = new ArrayList<>();
		ReviewQueue.After after = null;
		do {
			var page = queue.page(tenant, campaign, filter(null, null, null, ReviewQueue.Sort.OLDEST), after, 2, now);
			page.rows().forEach(r -> seen.add(r.bango()));
			after = page.next();
		}
		while (after != null);
		assertThat(seen).containsExactly(bangos.get(0), bangos.get(1), bangos.get(2), bangos.get(3), bangos.get(4));
		List<String> newest = new ArrayList<>();
		after = null;
		do {
			var page = queue.page(tenant, campaign, filter(null, null, null, ReviewQueue.Sort.NEWEST), after, 2, now);
			page.rows().forEach(r -> newest.add(r.bango()));
			after = page.next();
		}
		while (after != null);
		assertThat(newest).containsExactly(bangos.get(4), bangos.get(3), bangos.get(2), bangos.get(1), bangos.get(0));
		assertThat(queue.page(tenant, campaign, filter("200", null, null, null), null, 10, now).rows()).hasSize(2);
		assertThat(queue
			.page(tenant, campaign, filter(null, ReviewQueue.DocumentFilter.MISSING, null, null), null, 10, now)
			.rows()).extracting(ReviewQueue.Row::bango).containsExactly(bangos.get(1), bangos.get(3));
		assertThat(queue.page(tenant, campaign, filter(null, null, "列 3", null), null, 10, now).rows())
			.extracting(ReviewQueue.Row::bango)
			.containsExactly(bangos.get(3));
		assertThat(queue.page(tenant, campaign, filter(null, null, "７－" + bangos.get(4), null), null, 10, now).rows())
			.extracting(ReviewQueue.Row::bango)
			.containsExactly(bangos.get(4));
		assertThat(queue.counts(tenant, campaign).get(ReviewQueue.Tab.SUBMITTED)).isEqualTo(5);
		assertThat(queue.page(tenant + 100000, campaign, filter(null, null, null, null), null, 10, now).rows())
			.isEmpty();
	}

	private static ReviewQueue.Filter filter(String office, ReviewQueue.DocumentFilter documents, String search,
			ReviewQueue.Sort sort) {
		return new ReviewQueue.Filter(ReviewQueue.Tab.SUBMITTED, office, documents, null, null, search, sort);
	}

	private int version() {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

}
