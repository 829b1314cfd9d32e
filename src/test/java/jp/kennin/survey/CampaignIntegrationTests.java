package jp.kennin.survey;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@KenninIntegrationTest
class CampaignIntegrationTests {

	private static final AtomicInteger BANGO = new AtomicInteger(100);

	@Autowired
	Campaigns campaigns;

	@Autowired
	MemberSurveys memberSurveys;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	@BeforeEach
	void roster() {
		tenant = TestTenants.create(tenants, "調査テスト健保");
		// Household A (本社): spouse 45, child 20 (recognised 2001), child 10.
		household("10", "本社", dependent("01", "妻", RelationshipCategory.SPOUSE, LocalDate.of(1981, 4, 1), null),
				dependent("02", "長男", RelationshipCategory.CHILD, LocalDate.of(2006, 5, 20), null),
				dependent("03", "次女", RelationshipCategory.CHILD, LocalDate.of(2016, 3, 3), null));
		// Household B (工場): mother 76, recognised 2026-08-01.
		household("20", "工場",
				dependent("01", "母", RelationshipCategory.PARENT, LocalDate.of(1950, 8, 8), LocalDate.of(2026, 8, 1)));
		// Household C (工場): no dependents.
		household("20", "工場");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void preview_counts_households_and_dependents_by_office_and_opening_creates_those_forms() {
		long id = campaigns.create(tenant.id(), draft(rules(LocalDate.of(2026, 4, 1), 18, null, null)));
		TargetPreview preview = campaigns.preview(tenant.id(), id);
		assertThat(preview.households()).isEqualTo(2);
		assertThat(preview.dependents()).isEqualTo(3);
		assertThat(preview.offices()).extracting(TargetPreview.OfficeCount::officeName).containsExactly("本社", "工場");

		assertThat(campaigns.open(tenant.id(), id)).isEqualTo(2);
		assertThat(campaigns.find(tenant.id(), id)).get().extracting(Campaign::status).isEqualTo(CampaignStatus.OPEN);
	}

	@Test
	void age_rule_counts_full_years_on_the_chosen_date_inclusive() {
		// The son was born 2006-05-20: 20 on 2026-05-20, still 19 the day before. Spouse
		// 45, mother 75.
		assertThat(dependents(rules(LocalDate.of(2026, 5, 20), 20, null, null))).isEqualTo(3);
		assertThat(dependents(rules(LocalDate.of(2026, 5, 19), 20, null, null))).isEqualTo(2);
		assertThat(dependents(rules(LocalDate.of(2026, 5, 20), 20, 20, null))).isEqualTo(1);
		assertThat(dependents(rules(LocalDate.of(2026, 5, 19), 20, 20, null))).isZero();
		assertThat(dependents(rules(LocalDate.of(2026, 5, 19), 19, 19, null))).isEqualTo(1);
		assertThat(dependents(rules(LocalDate.of(2026, 5, 19), null, 19, null))).as("the son and the daughter")
			.isEqualTo(2);
	}

	@Test
	void dependents_recognised_after_the_date_and_excluded_persons_are_left_out() {
		assertThat(dependents(rules(null, null, null, LocalDate.of(2026, 7, 31)))).isEqualTo(3);
		long id = campaigns.create(tenant.id(), draft(rules(null, null, null, null)));
		campaigns.replaceExclusions(admin(), id, List.of(new Campaigns.PersonKey("10", bango(0), "01")));
		assertThat(campaigns.preview(tenant.id(), id).dependents()).isEqualTo(3);
		assertThat(campaigns.exclusionCount(tenant.id(), id)).isEqualTo(1);
	}

	@Test
	void a_campaign_selecting_nobody_cannot_be_opened() {
		long id = campaigns.create(tenant.id(),
				draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SIBLING), null)));
		assertThatThrownBy(() -> campaigns.open(tenant.id(), id)).isInstanceOf(CampaignProblem.class)
			.extracting(e -> ((CampaignProblem) e).messageKey())
			.isEqualTo("survey.campaign.problem.nobodySelected");
	}

	@Test
	void lifecycle_allows_only_the_next_step() {
		long id = campaigns.create(tenant.id(), draft(rules(null, null, null, null)));
		assertThatThrownBy(() -> campaigns.close(admin(), id)).isInstanceOf(CampaignProblem.class);
		campaigns.open(tenant.id(), id);
		assertThatThrownBy(() -> campaigns.update(admin(), id, draft(rules(null, null, null, null))))
			.isInstanceOf(CampaignProblem.class);
		assertThatThrownBy(() -> campaigns.open(tenant.id(), id)).isInstanceOf(CampaignProblem.class);
		assertThatThrownBy(() -> campaigns.complete(admin(), id)).isInstanceOf(CampaignProblem.class);
		campaigns.close(admin(), id);
		campaigns.complete(admin(), id);
		assertThat(campaigns.find(tenant.id(), id)).get()
			.extracting(Campaign::status)
			.isEqualTo(CampaignStatus.COMPLETED);
	}

	@Test
	void deadline_can_move_while_open_but_never_before_the_opening() {
		CampaignDraft draft = draft(rules(null, null, null, null));
		long id = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), id);
		Instant later = draft.deadline().plus(Duration.ofDays(7));
		campaigns.changeDeadline(admin(), id, later, true);
		assertThat(campaigns.find(tenant.id(), id)).get().satisfies(c -> {
			assertThat(c.deadline()).isEqualTo(later);
			assertThat(c.lateSubmissionAllowed()).isTrue();
		});
		assertThatThrownBy(() -> campaigns.changeDeadline(admin(), id, draft.opensAt().minusSeconds(1), false))
			.isInstanceOf(CampaignProblem.class);
	}

	@Test
	void members_see_the_survey_from_the_opening_time_and_changes_stop_at_the_deadline() {
		CampaignDraft draft = draft(rules(null, null, null, null));
		long id = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), id);
		Campaign campaign = campaigns.find(tenant.id(), id).orElseThrow();

		clock.setInstant(draft.opensAt().minusSeconds(1));
		assertThat(memberSurveys.statusFor(tenant.id(), "10", bango(0))).isEmpty();
		clock.setInstant(draft.opensAt());
		assertThat(memberSurveys.statusFor(tenant.id(), "10", bango(0))).singleElement().satisfies(s -> {
			assertThat(s.state()).isEqualTo(SurveyStatus.State.NOT_STARTED);
			assertThat(s.campaignTitle()).isEqualTo("2026年度 被扶養者資格調査");
			assertThat(s.deadline()).isEqualTo(draft.deadline());
		});
		assertThat(memberSurveys.statusFor(tenant.id(), "20", bango(2))).as("household without dependents").isEmpty();

		clock.setInstant(draft.deadline().minusSeconds(1));
		assertThat(campaign.acceptsMemberChanges(clock)).isTrue();
		clock.setInstant(draft.deadline());
		assertThat(campaign.acceptsMemberChanges(clock)).isFalse();
	}

	@Test
	void another_tenant_cannot_see_or_change_the_campaign() {
		long id = campaigns.create(tenant.id(), draft(rules(null, null, null, null)));
		Tenant other = TestTenants.create(tenants, "他の健保");
		assertThat(campaigns.find(other.id(), id)).isEmpty();
		assertThat(campaigns.list(other.id())).isEmpty();
		assertThatThrownBy(() -> campaigns.open(other.id(), id)).isNotInstanceOf(CampaignProblem.class);
		assertThat(campaigns.find(tenant.id(), id)).get()
			.extracting(Campaign::status)
			.isEqualTo(CampaignStatus.PREPARING);
	}

	private CampaignActor admin() {
		return CampaignActor.staff(new StaffActor("test-admin", StaffActor.TENANT_ADMIN, tenant.id(), 0, "127.0.0.1"));
	}

	private long dependents(TargetRules rules) {
		long id = campaigns.create(tenant.id(), draft(rules));
		return campaigns.preview(tenant.id(), id).dependents();
	}

	private static TargetRules rules(LocalDate ageOn, Integer min, Integer max, LocalDate recognizedUntil) {
		return new TargetRules(ageOn, min, max, EnumSet.complementOf(EnumSet.of(RelationshipCategory.SELF)),
				recognizedUntil);
	}

	static CampaignDraft draft(TargetRules rules) {
		Instant opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		Instant deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		return new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "期限までに提出してください。",
				rules);
	}

	private final List<String> bangos = new ArrayList<>();

	private String bango(int index) {
		return bangos.get(index);
	}

	private void household(String kigo, String office, RosterPerson... dependents) {
		String bango = "c" + BANGO.incrementAndGet();
		bangos.add(bango);
		List<RosterPerson> people = new ArrayList<>();
		people.add(new RosterPerson(0, 0, kigo, bango, "00", true, "本人", RelationshipCategory.SELF, "調査 太郎", "チョウサ タロウ",
				LocalDate.of(1975, 1, 1), Gender.MALE, "t@example.jp", office.equals("本社") ? "100" : "300", office,
				null, LocalDate.of(1998, 4, 1), true));
		for (RosterPerson d : dependents) {
			people.add(new RosterPerson(0, 0, kigo, bango, d.edaban(), false, d.relationship(),
					d.relationshipCategory(), d.name(), d.nameKana(), d.birthDate(), d.gender(), null, null, null, true,
					d.qualifiedOn(), true));
		}
		roster.upsert(tenant.id(), people);
	}

	private static RosterPerson dependent(String edaban, String relationship, RelationshipCategory category,
			LocalDate birth, LocalDate qualifiedOn) {
		return new RosterPerson(0, 0, "", "", edaban, false, relationship, category, "調査 家族" + edaban, "チョウサ カゾク",
				birth, Gender.FEMALE, null, null, null, true, qualifiedOn, true);
	}

}
