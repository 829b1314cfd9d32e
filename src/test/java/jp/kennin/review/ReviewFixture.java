package jp.kennin.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kennin.platform.JapanTime;
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
 * A tenant with an open campaign and one household (insured person, spouse and child)
 * whose member submits the form the way members do (through the survey pages), answering
 * 手続き中 for both dependents so no document is required.
 */
public final class ReviewFixture {

	private static final AtomicInteger SEQ = new AtomicInteger();

	public final Tenant tenant;

	public final long campaignId;

	public final long formId;

	public final String bango;

	public final long spouseId;

	public final long childId;

	public final Instant deadline;

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	public ReviewFixture(MockMvc mvc, Tenants tenants, Roster roster, Campaigns campaigns, JdbcClient jdbc,
			MutableClock clock) throws Exception {
		this.mvc = mvc;
		this.jdbc = jdbc;
		tenant = TestTenants.create(tenants, "審査テスト健保");
		bango = "r" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(),
				List.of(person("00", true, "本人", RelationshipCategory.SELF, "審査 太郎", "シンサ タロウ", 1970,
						"review@example.jp"),
						person("01", false, "妻", RelationshipCategory.SPOUSE, "審査 花子", "シンサ ハナコ", 1972, null),
						person("02", false, "長男", RelationshipCategory.CHILD, "審査 一郎", "シンサ イチロウ", 2004, null)));
		Instant opens = ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant();
		deadline = ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant();
		campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1), opens, deadline, false, "期限までに提出してください。",
						new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		spouseId = dependent("01");
		childId = dependent("02");
		clock.setInstant(opens.plus(Duration.ofDays(1)));
	}

	public RequestPostProcessor member() {
		return TestMember.of(tenant.id(), "9", bango);
	}

	/** Answers both dependents (手続き中) and submits. */
	public void submit() throws Exception {
		for (long d : List.of(spouseId, childId)) {
			int version = answerVersion(d);
			mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, d).with(member())
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
			mvc.perform(post("/survey/{f}/d/{d}/complete", formId, d).with(member())
				.with(csrf())
				.param("completed", "yes")
				.param("version", String.valueOf(answerVersion(d)))).andExpect(status().is3xxRedirection());
		}
		resubmit();
	}

	/** Submits again (after a 差し戻し). */
	public void resubmit() throws Exception {
		mvc.perform(post("/survey/{f}/submit", formId).with(member()).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	public String formStatus() {
		return jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single();
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private long dependent(String edaban) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ? and edaban = ?")
			.params(formId, edaban)
			.query(Long.class)
			.single();
	}

	private RosterPerson person(String edaban, boolean insured, String relationship, RelationshipCategory category,
			String name, String kana, int year, String email) {
		return new RosterPerson(0, 0, "9", bango, edaban, insured, relationship, category, name, kana,
				LocalDate.of(year, 4, 1), Gender.FEMALE, email, "100", "本社", insured ? null : true, null, true);
	}

}
