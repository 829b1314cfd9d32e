package jp.kennin.review;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kennin.document.internal.TestFiles;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant with an open campaign for spouses and households whose members answer and
 * submit through the survey pages: clean (continues, lives together, no income, the
 * income certificate uploaded), with a pre-check warning (income over the limit), with
 * the certificate promised by post, or leaving (手続き中).
 */
final class BulkHouseholds {

	enum Kind {

		CLEAN, WARNING, BY_MAIL, LEAVING

	}

	private static final AtomicInteger SEQ = new AtomicInteger();

	final Tenant tenant;

	final long campaignId;

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final Roster roster;

	private final String prefix;

	private final List<String> bangos = new ArrayList<>();

	BulkHouseholds(MockMvc mvc, Tenants tenants, Roster roster, Campaigns campaigns, JdbcClient jdbc,
			MutableClock clock, List<Kind> kinds) throws Exception {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.roster = roster;
		tenant = TestTenants.create(tenants, "一括確認健保");
		prefix = "b" + SEQ.incrementAndGet() + "x";
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 0; i < kinds.size(); i++) {
			String bango = prefix + i;
			bangos.add(bango);
			people.add(person(bango, "00", true, "本人", RelationshipCategory.SELF, "一括 太郎" + i, 1970));
			people.add(person(bango, "01", false, "妻", RelationshipCategory.SPOUSE, "一括 花子" + i, 1972));
		}
		roster.upsert(tenant.id(), people);
		CampaignDraft draft = new CampaignDraft("2026年度 被扶養者資格調査", LocalDate.of(2026, 7, 1),
				ZonedDateTime.of(2026, 7, 28, 9, 0, 0, 0, JapanTime.ZONE).toInstant(),
				ZonedDateTime.of(2026, 9, 17, 23, 59, 0, 0, JapanTime.ZONE).toInstant(), false, "期限までに提出してください。",
				new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		clock.setInstant(draft.opensAt().plus(Duration.ofDays(1)));
		for (int i = 0; i < kinds.size(); i++) {
			answerAndSubmit(i, kinds.get(i));
		}
	}

	long formId(int household) {
		return jdbc.sql("select id from survey_form where campaign_id = ? and bango = ?")
			.params(campaignId, bangos.get(household))
			.query(Long.class)
			.single();
	}

	long spouseId(int household) {
		return jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId(household))
			.query(Long.class)
			.single();
	}

	int version(int household) {
		return jdbc.sql("select version from survey_form where id = ?")
			.param(formId(household))
			.query(Integer.class)
			.single();
	}

	String formStatus(int household) {
		return jdbc.sql("select status from survey_form where id = ?")
			.param(formId(household))
			.query(String.class)
			.single();
	}

	String bango(int household) {
		return bangos.get(household);
	}

	RequestPostProcessor member(int household) {
		return TestMember.of(tenant.id(), "9", bangos.get(household));
	}

	private void answerAndSubmit(int i, Kind kind) throws Exception {
		long form = formId(i);
		long spouse = spouseId(i);
		RequestPostProcessor member = member(i);
		if (kind == Kind.LEAVING) {
			mvc.perform(step(form, spouse, member, "continuation", 0).param("continuation", "IN_PROGRESS"))
				.andExpect(status().is3xxRedirection());
			complete(form, spouse, member, 1);
		}
		else {
			mvc.perform(step(form, spouse, member, "continuation", 0).param("continuation", "CONTINUE"));
			mvc.perform(step(form, spouse, member, "living", 1).param("living", "TOGETHER"));
			mvc.perform(step(form, spouse, member, "occupation", 2).param("occupations", "UNEMPLOYED"));
			mvc.perform(step(form, spouse, member, "income", 3).param("incomeSalary", "0")
				.param("incomeOther", kind == Kind.WARNING ? "2000000" : "0"));
			mvc.perform(step(form, spouse, member, "residence", 4).param("residence", "DOMESTIC"));
			mvc.perform(step(form, spouse, member, "disability", 5).param("disabled", "no"));
			complete(form, spouse, member, 6);
			if (kind != Kind.BY_MAIL) {
				upload(form, spouse, member, "INCOME_CERTIFICATE");
			}
		}
		var submit = post("/survey/{f}/submit", form).with(member).with(csrf());
		if (kind == Kind.BY_MAIL) {
			String key = spouse + "-INCOME_CERTIFICATE";
			submit.param("required", key).param("choice-" + key, "MAIL");
		}
		mvc.perform(submit).andExpect(redirectedUrl("/survey/" + form + "/receipt"));
	}

	private void complete(long form, long spouse, RequestPostProcessor member, int version) throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/complete", form, spouse).with(member)
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(version))).andExpect(redirectedUrl("/survey/" + form));
	}

	private void upload(long form, long spouse, RequestPostProcessor member, String slot) throws Exception {
		long rosterId = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(spouse)
			.query(Long.class)
			.single();
		MockMultipartFile file = new MockMultipartFile("file", "所得証明書.pdf", "application/pdf", TestFiles.pdf(1));
		mvc.perform(multipart("/documents").file(file)
			.param("slot", slot)
			.param("subject", String.valueOf(rosterId))
			.param("returnTo", "/survey/" + form + "/d/" + spouse)
			.with(member)
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	private static MockHttpServletRequestBuilder step(long form, long spouse, RequestPostProcessor member, String slug,
			int version) {
		return post("/survey/{f}/d/{d}/{s}", form, spouse, slug).with(member)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private static RosterPerson person(String bango, String edaban, boolean insured, String relationship,
			RelationshipCategory category, String name, int year) {
		return new RosterPerson(0, 0, "9", bango, edaban, insured, relationship, category, name, "イッカツ",
				LocalDate.of(year, 4, 1), Gender.FEMALE, insured ? bango + "@bulk.example.jp" : null, "100", "本社",
				insured ? null : true, null, true);
	}

}
