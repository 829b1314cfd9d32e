package jp.kennin.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.dashboard.Dashboard.DayCount;
import jp.kennin.dashboard.Dashboard.Figures;
import jp.kennin.dashboard.Dashboard.Outreach;
import jp.kennin.dashboard.Dashboard.ReasonCount;
import jp.kennin.lossnotice.LossNotices;
import jp.kennin.lossnotice.NoticeFixture;
import jp.kennin.lossnotice.NoticeSettings;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.Reviews;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.server.ResponseStatusException;

import static jp.kennin.lossnotice.NoticeFixture.keep;
import static jp.kennin.lossnotice.NoticeFixture.person;
import static jp.kennin.lossnotice.NoticeFixture.remove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's figures on five households whose every figure is known: A and B 確認完了
 * (A's child removed for 就職, B's spouse for 婚姻; office 100), C submitted with a warning
 * and a missing document, D not started, E returned and past its correction deadline
 * (office 200); A and C have accounts; all five got the invitation on 28 July.
 */
@KenninIntegrationTest
class DashboardIntegrationTests {

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
	CampaignDashboards dashboards;

	NoticeFixture fx;

	String[] h;

	@BeforeEach
	void setUp() throws Exception {
		int n = NoticeFixture.SEQ.incrementAndGet();
		h = new String[] { "da" + n, "db" + n, "dc" + n, "dd" + n, "de" + n };
		List<RosterPerson> people = new ArrayList<>();
		for (String bango : h) {
			people.add(person(bango, "00", "本人", RelationshipCategory.SELF, "集計 " + bango, "シュウケイ", 1970, null));
			people.add(person(bango, "01", "妻", RelationshipCategory.SPOUSE, "集計 妻" + bango, "シュウケイ", 1972, null));
		}
		people.add(person(h[0], "02", "長男", RelationshipCategory.CHILD, "集計 長男", "シュウケイ", 2001, null));
		fx = new NoticeFixture(mvc, tenants, roster, campaigns, jdbc, clock, reviews, "集計テスト健保", people);
		for (String bango : List.of(h[2], h[3], h[4])) {
			jdbc.sql("update survey_form set office_code = '200', office_name = '大阪支店' where id = ?")
				.param(fx.form(bango))
				.update();
		}
		for (String bango : h) {
			jdbc.sql("""
					insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, created_at)
					values (?, ?, '9', ?, 'MAIL', 'INVITATION', ?)""")
				.params(fx.tenant.id(), fx.campaignId, bango, Timestamp.from(fx.opens))
				.update();
		}
		for (String bango : List.of(h[0], h[2])) {
			jdbc.sql("""
					insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email,
					  status, created_at, updated_at)
					select tenant_id, insured_person_id, ?, ?, 'x', 'x@example.jp', 'ACTIVE', ?, ?
					from survey_form where id = ?""")
				.params("u" + bango, "u" + bango, Timestamp.from(fx.opens), Timestamp.from(fx.opens), fx.form(bango))
				.update();
		}
		// A, B, C hand in a day after the invitation.
		fx.submit(h[0], List.of("01", "02"));
		fx.submit(h[1], List.of("01"));
		fx.submit(h[2], List.of("01"));
		fx.decideAndComplete(h[0], List.of("01", "02"), List.of(keep(), remove(2026, 6, 1, LossReason.EMPLOYMENT)));
		fx.decideAndComplete(h[1], List.of("01"), List.of(remove(2026, 7, 1, LossReason.MARRIAGE)));
		jdbc.sql("update survey_form set precheck_warnings = 1, documents_missing = 1 where id = ?")
			.param(fx.form(h[2]))
			.update();
		// E handed in three days after the invitation, and was sent back with a deadline
		// that has passed.
		jdbc.sql(
				"""
						update survey_form set status = 'RETURNED', submitted_at = ?, correction_deadline = ?, returned_count = 1
						where id = ?""")
			.params(Timestamp.from(fx.opens.plus(Duration.ofDays(3))),
					Timestamp.from(fx.opens.plus(Duration.ofDays(4))), fx.form(h[4]))
			.update();
		clock.setInstant(fx.opens.plus(Duration.ofDays(10)));
		notices.changeSettings(fx.admin, new NoticeSettings(null, null, 400_000L));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_figures_match_the_known_households() {
		Dashboard d = dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.OFFICE, false);
		assertThat(d.total()).isEqualTo(new Figures(null, null, 5, 2, 4, 4, 2, 1, 1, 0, 1, 1));
		assertThat(d.offices())
			.extracting(Figures::officeCode, Figures::targets, Figures::registered, Figures::submitted,
					Figures::decided, Figures::returned, Figures::overdue)
			.containsExactly(tuple("100", 2L, 1L, 2L, 2L, 0L, 0L), tuple("200", 3L, 1L, 2L, 0L, 1L, 1L));
		assertThat(d.submissionsPerDay()).containsExactly(new DayCount(LocalDate.of(2026, 7, 29), 3),
				new DayCount(LocalDate.of(2026, 7, 31), 1));
		// Opening the campaign journals its sign-up guides too (on the day it opened).
		assertThat(d.outreach()).contains(new Outreach(LocalDate.of(2026, 7, 28), "INVITATION", 5, 3));
		assertThat(d.removalsByReason()).containsExactlyInAnyOrder(new ReasonCount(LossReason.EMPLOYMENT, 1),
				new ReasonCount(LossReason.MARRIAGE, 1));
		assertThat(d.removed()).isEqualTo(2);
		assertThat(d.costAvoidedYen()).isEqualTo(800_000L);
	}

	@Test
	void the_office_table_sorts_on_the_server() {
		assertThat(dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.TARGETS, true).offices())
			.extracting(Figures::officeCode)
			.containsExactly("200", "100");
		assertThat(dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.RATE, true).offices())
			.extracting(Figures::officeCode)
			.containsExactly("100", "200");
		assertThat(dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.DECIDED, false).offices())
			.extracting(Figures::officeCode)
			.containsExactly("200", "100");
	}

	@Test
	void messages_of_several_runs_on_one_day_add_up_with_their_own_48_hours() {
		// Two reminder runs on 28 July (10:00 and 20:00, Japan time) and one on 30 July:
		// A and B handed in on 29 July 09:00, within 48 hours of the first run; D never;
		// C handed in before its reminder.
		Instant morning = fx.opens.plus(Duration.ofHours(1));
		Instant evening = fx.opens.plus(Duration.ofHours(11));
		Instant later = fx.opens.plus(Duration.ofDays(2)).plus(Duration.ofHours(3));
		reminder(h[0], morning);
		reminder(h[1], morning);
		reminder(h[3], evening);
		reminder(h[2], later);
		Dashboard d = dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.OFFICE, false);
		assertThat(d.outreach()).filteredOn(o -> o.kind().equals("REMINDER"))
			.containsExactly(new Outreach(LocalDate.of(2026, 7, 28), "REMINDER", 3, 2),
					new Outreach(LocalDate.of(2026, 7, 30), "REMINDER", 1, 0));
	}

	@Test
	void the_figures_are_kept_a_minute_and_the_page_says_when_they_were_counted() throws Exception {
		Dashboard first = dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.OFFICE, false);
		assertThat(first.total().started()).isEqualTo(4);
		assertThat(first.countedAt()).isEqualTo(clock.instant());
		assertThat(first.recountSeconds()).isEqualTo(60);
		// D starts its form: the dashboard shows it only once the figures are counted
		// again.
		jdbc.sql("update survey_form set status = 'IN_PROGRESS' where id = ?").param(fx.form(h[3])).update();
		clock.setInstant(first.countedAt().plusSeconds(59));
		Dashboard kept = dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.TARGETS, true);
		assertThat(kept.total().started()).isEqualTo(4);
		assertThat(kept.countedAt()).isEqualTo(first.countedAt());
		assertThat(kept.offices()).extracting(Figures::officeCode).containsExactly("200", "100");
		clock.setInstant(first.countedAt().plusSeconds(60));
		Dashboard recounted = dashboards.view(fx.reviewer, fx.campaignId, OfficeSort.OFFICE, false);
		assertThat(recounted.total().started()).isEqualTo(5);
		assertThat(recounted.countedAt()).isEqualTo(first.countedAt().plusSeconds(60));
		String page = mvc
			.perform(get("/admin/campaigns/{id}/dashboard", fx.campaignId).with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2026/08/07 09:01 時点の集計です（集計は最長60秒ごとに新しくなります）。");
	}

	private void reminder(String bango, Instant at) {
		jdbc.sql("""
				insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, created_at)
				values (?, ?, '9', ?, 'MAIL', 'REMINDER', ?)""")
			.params(fx.tenant.id(), fx.campaignId, bango, Timestamp.from(at))
			.update();
	}

	@Test
	void the_page_shows_each_chart_with_its_table_and_the_cost_with_its_assumption() throws Exception {
		String page = mvc
			.perform(get("/admin/campaigns/{id}/dashboard", fx.campaignId).param("sort", "targets")
				.param("dir", "desc")
				.with(TestStaff.tenantAdmin(fx.tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page)
			.contains("data-table=\"funnel-table\"", "id=\"funnel-table\"", "data-table=\"days-table\"",
					"data-table=\"outreach-table\"", "data-table=\"removals-table\"",
					"/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/dashboard.js", "aria-sort=\"descending\"",
					"800,000円", "400,000円", "大阪支店")
			.doesNotContain("<script>");
		mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andExpect(status().isOk());
	}

	@Test
	void other_tenants_operators_and_members_are_refused() throws Exception {
		Tenant other = TestTenants.create(tenants, "他の健保");
		String url = "/admin/campaigns/" + fx.campaignId + "/dashboard";
		mvc.perform(get(url).with(TestStaff.tenantAdmin(other.id()))).andExpect(status().isNotFound());
		mvc.perform(get(url).with(TestStaff.operator())).andExpect(status().isForbidden());
		mvc.perform(get(url).with(fx.member(h[0]))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> dashboards.view(new ReviewActor(other.id(), "x", "REVIEWER", null), fx.campaignId,
				OfficeSort.OFFICE, false))
			.isInstanceOf(ResponseStatusException.class);
	}

}
