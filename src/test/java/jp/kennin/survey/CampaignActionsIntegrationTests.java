package jp.kennin.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Opening and closing a campaign ask for confirmation with what they do, warn about
 * dependents already in another open campaign, and every campaign action leaves its typed
 * audit record — or, when it fails, neither the change nor the record.
 */
@KenninIntegrationTest
class CampaignActionsIntegrationTests {

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
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private Tenant tenant;

	@Autowired
	jp.kennin.test.MutableClock clock;

	@BeforeEach
	void setUp() {
		// Before the campaigns' deadlines, so the deadline job leaves them to these
		// tests.
		clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "操作テスト健保");
		household("本社", "妻", "長男");
		household("工場", "妻");
	}

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void opening_and_closing_are_confirmed_with_their_counts_and_audited() throws Exception {
		long id = campaigns.create(admin(), CampaignIntegrationTests.draft(spousesAndChildren()));
		String page = "/admin/campaigns/" + id;

		mvc.perform(post(page + "/open").with(TestStaff.tenantAdmin(tenant.id())).with(csrf()))
			.andExpect(redirectedUrl(page + "/open"));
		assertThat(statusOf(id)).as("a bare POST only leads to the confirmation").isEqualTo(CampaignStatus.PREPARING);
		mvc.perform(get(page + "/open").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("この調査を公開しますか")))
			.andExpect(content().string(containsString("2世帯・被扶養者3人の調査票を作成します。")))
			.andExpect(content().string(not(containsString("別の調査の対象でもあります"))));
		mvc.perform(post(page + "/open").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("households", "2")
			.param("dependents", "3")).andExpect(flash().attribute("flash", "survey.campaign.flash.opened"));
		assertThat(statusOf(id)).isEqualTo(CampaignStatus.OPEN);

		mvc.perform(post(page + "/close").with(TestStaff.tenantAdmin(tenant.id())).with(csrf()))
			.andExpect(redirectedUrl(page + "/close"));
		assertThat(statusOf(id)).isEqualTo(CampaignStatus.OPEN);
		mvc.perform(get(page + "/close").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("この調査を締め切りますか")))
			.andExpect(content().string(containsString("この調査には 2世帯・被扶養者3人の調査票があります。")))
			.andExpect(content().string(containsString("まだ提出されていない調査票が 2件あります。")));
		mvc.perform(
				post(page + "/close").with(TestStaff.tenantAdmin(tenant.id())).with(csrf()).param("confirmed", "true"))
			.andExpect(flash().attribute("flash", "survey.campaign.flash.closed"));
		assertThat(statusOf(id)).isEqualTo(CampaignStatus.CLOSED);

		List<AuditEntry> events = events(id);
		assertThat(events).extracting(AuditEntry::type)
			.containsExactly("NON_RESPONDERS_HANDLED", "CAMPAIGN_CLOSED", "CAMPAIGN_OPENED", "CAMPAIGN_CREATED");
		AuditEntry opened = events.get(2);
		assertThat(opened.actorKind()).isEqualTo("STAFF");
		assertThat(opened.actorId()).isEqualTo("test-tenant_admin-" + tenant.id());
		assertThat(opened.actorRole()).isEqualTo("TENANT_ADMIN");
		assertThat(opened.details()).containsEntry("forms", "2")
			.containsEntry("households", "2")
			.containsEntry("dependents", "3")
			.containsEntry("overlapping", "0");
		assertThat(events.get(1).details()).containsEntry("notSubmitted", "2");
		// Closing applies the campaign's rule for the households that did not submit (保留
		// by default).
		assertThat(events.get(0).details()).containsEntry("rule", "HOLD").containsEntry("forms", "2");
	}

	@Test
	void every_campaign_action_records_its_own_typed_event() {
		CampaignDraft draft = CampaignIntegrationTests.draft(spousesAndChildren());
		long id = campaigns.create(admin(), draft);
		campaigns.update(admin(), id, new CampaignDraft("2026年度 調査（修正）", draft.referenceDate(), draft.opensAt(),
				draft.deadline(), false, draft.instructions(), draft.rules()));
		campaigns.replaceExclusions(admin(), id, List.of(new Campaigns.PersonKey("z", "none", "01")));
		campaigns.open(admin(), id, null);
		Instant later = draft.deadline().plus(Duration.ofDays(7));
		campaigns.changeDeadline(admin(), id, later, false);
		campaigns.changeDeadline(admin(), id, later, true);
		campaigns.close(admin(), id);
		campaigns.complete(admin(), id);

		List<AuditEntry> events = events(id);
		assertThat(events).extracting(AuditEntry::type)
			.containsExactly("CAMPAIGN_COMPLETED", "NON_RESPONDERS_HANDLED", "CAMPAIGN_CLOSED",
					"CAMPAIGN_LATE_SUBMISSION_CHANGED", "CAMPAIGN_DEADLINE_CHANGED", "CAMPAIGN_OPENED",
					"CAMPAIGN_EXCLUSIONS_REPLACED", "CAMPAIGN_UPDATED", "CAMPAIGN_CREATED");
		// Every campaign action's own event is typed in the survey module (the
		// non-responders'
		// handling at closing is the review module's).
		assertThat(events).extracting(AuditEntry::type)
			.filteredOn(type -> !type.equals("NON_RESPONDERS_HANDLED"))
			.allSatisfy(type -> assertThat(SurveyAuditEvent.valueOf(type)).isNotNull());
		assertThat(events.get(8).details()).containsEntry("title", "2026年度 被扶養者資格調査")
			.containsEntry("opensAt", "2026/07/28 09:00")
			.containsEntry("categories", "配偶者、子");
		assertThat(events.get(7).details()).as("only what changed")
			.containsOnlyKeys("title")
			.containsEntry("title", "2026年度 調査（修正）");
		assertThat(events.get(6).details()).containsEntry("before", "0").containsEntry("after", "1");
		assertThat(events.get(4).details()).containsEntry("from", "2026/09/17 23:59")
			.containsEntry("to", "2026/09/24 23:59");
		assertThat(events.get(3).details()).containsEntry("allowed", "true");
		assertThat(events).allSatisfy(e -> assertThat(e.target()).isEqualTo("campaign:" + id));
	}

	@Test
	void a_failed_opening_leaves_neither_forms_nor_status_change_nor_audit_record() {
		CampaignDraft ok = CampaignIntegrationTests.draft(spousesAndChildren());
		long id = campaigns.create(admin(), new CampaignDraft("2026年度 調査" + FailingCampaignListener.FAIL,
				ok.referenceDate(), ok.opensAt(), ok.deadline(), false, "", ok.rules()));

		assertThatThrownBy(() -> campaigns.open(admin(), id, null)).hasMessageContaining("on purpose");

		assertThat(statusOf(id)).isEqualTo(CampaignStatus.PREPARING);
		assertThat(
				jdbc.sql("select count(*) from survey_form where campaign_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(events(id)).extracting(AuditEntry::type).containsExactly("CAMPAIGN_CREATED");
	}

	@Test
	void refused_actions_change_nothing_and_record_nothing() throws Exception {
		long id = campaigns.create(admin(), CampaignIntegrationTests.draft(spousesAndChildren()));
		mvc.perform(post("/admin/campaigns/{id}/open", id).with(TestStaff.reviewer(tenant.id()))
			.with(csrf())
			.param("households", "2")
			.param("dependents", "3")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/campaigns/{id}/open", id).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/campaigns/{id}/close", id).with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("confirmed", "true")).andExpect(flash().attribute("problem", "survey.campaign.problem.notOpen"));
		assertThatThrownBy(() -> campaigns.close(reviewer(), id)).isInstanceOf(AccessDeniedException.class);
		assertThat(statusOf(id)).isEqualTo(CampaignStatus.PREPARING);
		assertThat(events(id)).extracting(AuditEntry::type).containsExactly("CAMPAIGN_CREATED");
	}

	@Test
	void counts_that_changed_after_the_confirmation_open_nothing() throws Exception {
		long id = campaigns.create(admin(), CampaignIntegrationTests.draft(spousesAndChildren()));
		mvc.perform(post("/admin/campaigns/{id}/open", id).with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("households", "2")
			.param("dependents", "2"))
			.andExpect(flash().attribute("problem", "survey.campaign.problem.targetsChanged"));
		assertThat(statusOf(id)).isEqualTo(CampaignStatus.PREPARING);
		assertThat(events(id)).extracting(AuditEntry::type).containsExactly("CAMPAIGN_CREATED");
	}

	@Test
	void opening_warns_about_dependents_already_in_another_open_or_scheduled_campaign() throws Exception {
		CampaignDraft draft = CampaignIntegrationTests.draft(spousesAndChildren());
		long first = campaigns.create(admin(),
				new CampaignDraft("2026年度 先行調査", draft.referenceDate(), draft.opensAt(), draft.deadline(), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(admin(), first, null);
		long second = campaigns.create(admin(),
				new CampaignDraft(draft.title(), draft.referenceDate(), draft.opensAt(), draft.deadline(), false, "",
						new TargetRules(LocalDate.of(2026, 4, 1), 18, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));

		CampaignOpening opening = campaigns.opening(admin(), second);
		assertThat(opening.overlaps()).singleElement().satisfies(o -> {
			assertThat(o.title()).isEqualTo("2026年度 先行調査");
			assertThat(o.dependents()).isEqualTo(2);
		});
		mvc.perform(get("/admin/campaigns/{id}/open", second).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("被扶養者 2人は、公開中または公開予定の別の調査の対象でもあります")))
			.andExpect(content().string(containsString("2026年度 先行調査")));
		campaigns.open(admin(), second, new Campaigns.Confirmed(2, 3));
		assertThat(events(second).get(0).details()).containsEntry("overlapping", "2");
	}

	private CampaignActor admin() {
		return CampaignActor.staff(new StaffActor("test-admin", StaffActor.TENANT_ADMIN, tenant.id(), 0, "127.0.0.1"));
	}

	private CampaignActor reviewer() {
		return CampaignActor.staff(new StaffActor("test-reviewer", StaffActor.REVIEWER, tenant.id(), 0, "127.0.0.1"));
	}

	private CampaignStatus statusOf(long id) {
		return campaigns.find(tenant.id(), id).orElseThrow().status();
	}

	/** The campaign's own events (the invitations at opening have their own tests). */
	private List<AuditEntry> events(long id) {
		return audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + id, 50))
			.stream()
			.filter(e -> !e.type().equals("CAMPAIGN_INVITATIONS_QUEUED"))
			.toList();
	}

	private static TargetRules spousesAndChildren() {
		return new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD),
				null);
	}

	private void household(String office, String... relationships) {
		String bango = "a" + SEQ.incrementAndGet();
		List<RosterPerson> people = new ArrayList<>();
		people.add(new RosterPerson(0, 0, "7", bango, "00", true, "本人", RelationshipCategory.SELF, "操作 太郎", "ソウサ タロウ",
				LocalDate.of(1975, 1, 1), Gender.MALE, "s@example.jp", office.equals("本社") ? "100" : "300", office,
				null, null, true));
		int edaban = 1;
		for (String r : relationships) {
			people.add(new RosterPerson(0, 0, "7", bango, String.format("%02d", edaban++), false, r,
					r.equals("妻") ? RelationshipCategory.SPOUSE : RelationshipCategory.CHILD, "操作 家族", "ソウサ カゾク",
					LocalDate.of(2000, 1, 1), Gender.FEMALE, null, null, null, true, null, true));
		}
		roster.upsert(tenant.id(), people);
	}

}
