package jp.kennin.test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.Registration;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the review's browser tests start from: a new insurer, a member registered through
 * the sign-up pages, one child of theirs on the roster, an open campaign for children,
 * and the form answered 「扶養を続ける」 and submitted through the member's own endpoints.
 *
 * @param child the child's survey_form_dependent ID
 */
public record SubmittedChildForm(Tenant tenant, Registration member, long campaignId, long formId, long child) {

	/**
	 * @param codePrefix two letters that start the insurer's code, unique per test class
	 * @param childName the child's name (漢字), kana and relationship as the roster has
	 * them
	 */
	public static SubmittedChildForm create(MockMvc mvc, AccountFixtures fixtures, Tenants tenants, Roster roster,
			Campaigns campaigns, JdbcClient jdbc, String codePrefix, String insurerName, String relationship,
			String childName, String childKana, int childAge, RosterPerson.Gender gender) throws Exception {
		String code = codePrefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Tenant tenant = tenants.create(new Tenants.NewTenant(code, insurerName, code + "@kenpo.example", insurerName,
				new Tenant.SupportDesk(insurerName + " 適用グループ", "0120-000-444", "平日9時～17時", null, null),
				PasswordPolicyPreset.SEED));
		Registration member = Registration.register(mvc, fixtures, tenant);
		RosterPerson insured = member.person();
		LocalDate today = LocalDate.now(JapanTime.ZONE);
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, insured.kigo(), insured.bango(), "01", false, relationship,
						RelationshipCategory.CHILD, childName, childKana, today.minusYears(childAge), gender, null,
						null, null, true, null, true)));
		Instant opens = today.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(JapanTime.ZONE).toInstant();
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft(today.getYear() + "年度 被扶養者資格調査", today, opens, opens.plus(Duration.ofDays(30)), false,
						"", new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long child = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		RequestPostProcessor household = TestMember.of(tenant.id(), insured.kigo(), insured.bango());
		mvc.perform(post("/survey/{f}/d/{d}/continuation", formId, child).with(household)
			.with(csrf())
			.param("version", "0")
			.param("continuation", "IN_PROGRESS")).andExpect(status().is3xxRedirection());
		int answerVersion = jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(child)
			.query(Integer.class)
			.single();
		mvc.perform(post("/survey/{f}/d/{d}/complete", formId, child).with(household)
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(answerVersion))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/survey/{f}/submit", formId).with(household).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return new SubmittedChildForm(tenant, member, campaignId, formId, child);
	}

	/** The review case's version, for the next review step. */
	public static int reviewVersion(JdbcClient jdbc, long formId) {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single();
	}

}
