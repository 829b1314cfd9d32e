package jp.kennin.lossnotice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.Decision;
import jp.kennin.review.LossReason;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.Reviews;
import jp.kennin.review.Reviews.DependentDecision;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestTenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A campaign with households whose forms went through the review as a member and staff
 * would take them (answers posted as the member, decisions through {@link Reviews}): the
 * dependents are decided as asked, then 確認完了.
 */
public class NoticeFixture {

	public static final AtomicInteger SEQ = new AtomicInteger();

	public final MockMvc mvc;

	public final Roster roster;

	public final Campaigns campaigns;

	public final JdbcClient jdbc;

	public final MutableClock clock;

	public final Reviews reviews;

	public final Tenant tenant;

	public final long campaignId;

	public final Instant opens;

	public final ReviewActor reviewer;

	public final ReviewActor admin;

	public NoticeFixture(MockMvc mvc, Tenants tenants, Roster roster, Campaigns campaigns, JdbcClient jdbc,
			MutableClock clock, Reviews reviews, String tenantName, List<RosterPerson> people) {
		this.mvc = mvc;
		this.roster = roster;
		this.campaigns = campaigns;
		this.jdbc = jdbc;
		this.clock = clock;
		this.reviews = reviews;
		this.tenant = TestTenants.create(tenants, tenantName);
		roster.upsert(tenant.id(), people.stream().map(p -> withTenant(p)).toList());
		opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		Instant deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(opens.plus(Duration.ofDays(1)));
		reviewer = new ReviewActor(tenant.id(), "reviewer-n", "REVIEWER", "10.0.0.1");
		admin = new ReviewActor(tenant.id(), "admin-n", "TENANT_ADMIN", "10.0.0.2");
	}

	public static RosterPerson person(String bango, String edaban, String relationship, RelationshipCategory category,
			String name, String kana, int year, LocalDate qualifiedOn) {
		boolean insured = "00".equals(edaban);
		return new RosterPerson(0, 0, "9", bango, edaban, insured, relationship, category, name, kana,
				LocalDate.of(year, 4, 1), Gender.FEMALE, insured ? bango + "@example.jp" : null, "100", "本社",
				insured ? null : true, qualifiedOn, true);
	}

	private RosterPerson withTenant(RosterPerson p) {
		return p;
	}

	public long form(String bango) {
		return jdbc.sql("select id from survey_form where campaign_id = ? and bango = ?")
			.params(campaignId, bango)
			.query(Long.class)
			.single();
	}

	public long dependent(long formId, String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	public RequestPostProcessor member(String bango) {
		return TestMember.of(tenant.id(), "9", bango);
	}

	/** Answers every dependent 手続き中 (no document needed) and submits, as the member. */
	public void submit(String bango, List<String> edabans) throws Exception {
		long formId = form(bango);
		for (String edaban : edabans) {
			long d = dependent(formId, edaban);
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(member(bango))
				.with(csrf())
				.param("version", String.valueOf(answerVersion(d)))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(member(bango))
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/survey/{f}/submit", formId).with(member(bango)).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	/** The admin decides (a 削除 by a TENANT_ADMIN is final at once) and completes. */
	public void decideAndComplete(String bango, List<String> edabans, List<DependentDecision> decisions) {
		long formId = form(bango);
		reviews.start(reviewer, formId);
		for (int i = 0; i < edabans.size(); i++) {
			reviews.decide(admin, formId, version(formId), dependent(formId, edabans.get(i)), decisions.get(i));
		}
		reviews.complete(admin, formId, version(formId));
	}

	public static DependentDecision remove(int year, int month, int day, LossReason reason) {
		return new DependentDecision(Decision.REMOVE, LocalDate.of(year, month, day), reason, null);
	}

	public static DependentDecision keep() {
		return new DependentDecision(Decision.CONTINUE, null, null, null);
	}

	public int version(long formId) {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

}
