package jp.kennin.survey;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.audit.AuditLog;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff proxy input (issue 12, screen 8) for a household whose member has an account: the
 * staff question pages save in the background like the member's (same script, staff
 * endpoint with CSRF and version check), and after staff submit the phone answer the
 * member's home page and PDF copy (控え) say that staff entered it.
 */
@KenninIntegrationTest
class ProxyNoteIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void staff_pages_autosave_and_the_member_home_and_pdf_copy_say_staff_entered_the_form() throws Exception {
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		clock.setInstant(draft.opensAt().plus(Duration.ofHours(1)));
		Tenant tenant = fixtures.tenant();
		Registration member = Registration.register(mvc, fixtures, tenant);
		String bango = member.person().bango();
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, "01", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "御室 花子",
						"オムロ ハナコ", LocalDate.of(1982, 1, 1), Gender.FEMALE, null, null, null, true, null, true)));
		long campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long dependentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		RequestPostProcessor reviewer = TestStaff.reviewer(tenant.id());
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()).param("channel", "PHONE"))
			.andExpect(status().is3xxRedirection());

		// The staff question page carries the member pages' autosave.
		mvc.perform(get("/admin/proxy/{f}/d/{d}/continuation", formId, dependentId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-autosave")))
			.andExpect(content().string(containsString("data-autosave-status")))
			.andExpect(content().string(containsString("/js/survey.js")));
		String step = "/admin/proxy/{f}/d/{d}/continuation";
		mvc.perform(post(step, formId, dependentId).with(reviewer)
			.header("X-Kennin-Autosave", "1")
			.param("version", "0")
			.param("continuation", "CONTINUE")).andExpect(status().isForbidden());
		mvc.perform(post(step, formId, dependentId).with(reviewer)
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", "0")).andExpect(status().isUnprocessableEntity());
		mvc.perform(post(step, formId, dependentId).with(reviewer)
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", "0")
			.param("continuation", "CONTINUE"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("X-Kennin-Version", "1"));
		assertThat(continuation(dependentId)).isEqualTo("CONTINUE");
		// A save on the version the page showed before is told, never applied.
		mvc.perform(post(step, formId, dependentId).with(reviewer)
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", "0")
			.param("continuation", "IN_PROGRESS")).andExpect(status().isConflict());
		assertThat(continuation(dependentId)).isEqualTo("CONTINUE");
		// Another insurer's staff find nothing to save.
		mvc.perform(post(step, formId, dependentId).with(TestStaff.reviewer(tenant.id() + 100_000))
			.with(csrf())
			.header("X-Kennin-Autosave", "1")
			.param("version", "1")
			.param("continuation", "IN_PROGRESS")).andExpect(status().isNotFound());
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, "survey_form:" + formId, 50)))
			.filteredOn(e -> e.type().equals("PROXY_ANSWER_SAVED"))
			.hasSize(1);

		// The rest of the phone answer, then the submission on the member's behalf.
		mvc.perform(proxyStep(reviewer, formId, dependentId, "living", 1).param("living", "TOGETHER"));
		mvc.perform(proxyStep(reviewer, formId, dependentId, "occupation", 2).param("occupations", "PART_TIME"));
		mvc.perform(proxyStep(reviewer, formId, dependentId, "income", 3).param("incomeSalary", "1400000"));
		mvc.perform(proxyStep(reviewer, formId, dependentId, "residence", 4).param("residence", "DOMESTIC"));
		mvc.perform(proxyStep(reviewer, formId, dependentId, "disability", 5).param("disabled", "no"))
			.andExpect(redirectedUrl("/admin/proxy/" + formId + "/d/" + dependentId));
		mvc.perform(post("/admin/proxy/{f}/d/{d}/complete", formId, dependentId).with(reviewer)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "6")).andExpect(redirectedUrl("/admin/proxy/" + formId));
		String page = mvc.perform(post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var submit = post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf());
		Pattern.compile("name=\"required\" form=\"submit-form\" value=\"([^\"]+)\"")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.forEach(key -> submit.param("required", key).param("choice-" + key, "MAIL"));
		mvc.perform(submit).andExpect(redirectedUrl("/admin/proxy/" + formId));

		MemberClient client = member.loggedIn(mvc);
		client.get("/home")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"proxy-note-" + formId + "\"")))
			.andExpect(content().string(containsString("健康保険組合の職員が代行入力しました（電話）")));
		byte[] pdf = client.get("/survey/" + formId + "/receipt.pdf")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("受付経路").contains("健康保険組合の職員が代行入力しました（電話）");
		}
	}

	private MockHttpServletRequestBuilder proxyStep(RequestPostProcessor staff, long formId, long dependentId,
			String slug, int version) {
		return post("/admin/proxy/{f}/d/{d}/{s}", formId, dependentId, slug).with(staff)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

	private String continuation(long dependentId) {
		return jdbc.sql("select continuation from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(String.class)
			.single();
	}

}
