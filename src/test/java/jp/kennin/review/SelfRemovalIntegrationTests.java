package jp.kennin.review;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.Roster;
import jp.kennin.survey.DependentAnswers.RemovalReason;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Self-declared removal (issue 12, screen 9): the member answers 「削除する（扶養から外す）」 with the
 * date and the reason for the spouse; no documents are asked for, and the review shows
 * the 削除 proposal filled in, which staff then decide as usual (four eyes for a REVIEWER).
 */
@KenninIntegrationTest
class SelfRemovalIntegrationTests {

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
	void a_removal_answered_by_the_member_needs_no_documents_and_arrives_as_a_removal_proposal() throws Exception {
		// The spouse leaves on 2026-08-31 because she found a job; the remaining
		// questions
		// are skipped (the section is done after the first page).
		mvc.perform(step(f.spouseId, "continuation").param("continuation", "REMOVE")
			.param("removalYear", "２０２６")
			.param("removalMonth", "8")
			.param("removalDay", "31")
			.param("removalReason", "EMPLOYED")).andExpect(redirectedUrl("/survey/" + f.formId + "/d/" + f.spouseId));
		complete(f.spouseId);
		// The child leaves too, for a reason the review list has no equivalent for.
		mvc.perform(step(f.childId, "continuation").param("continuation", "REMOVE")
			.param("removalYear", "2026")
			.param("removalMonth", "9")
			.param("removalDay", "1")
			.param("removalReason", "OTHER_INSURANCE")).andExpect(status().is3xxRedirection());
		complete(f.childId);

		mvc.perform(get("/survey/{f}/check", f.formId).with(f.member()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("削除する（扶養から外す）")))
			.andExpect(content().string(containsString("2026年8月31日 就職")))
			.andExpect(content().string(not(containsString("必要な書類"))));
		// No document is required: the plain submit goes through.
		mvc.perform(post("/survey/{f}/submit", f.formId).with(f.member()).with(csrf()))
			.andExpect(redirectedUrl("/survey/" + f.formId + "/receipt"));
		assertThat(f.formStatus()).isEqualTo("SUBMITTED");

		var reviewerLogin = TestStaff.reviewer(f.tenant.id());
		mvc.perform(
				post("/admin/campaigns/{id}/review/{f}/start", f.campaignId, f.formId).with(reviewerLogin).with(csrf()))
			.andExpect(redirectedUrl("/admin/reviews/" + f.formId));
		String page = mvc.perform(get("/admin/reviews/{f}", f.formId).with(reviewerLogin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"self-removal-" + f.spouseId + "\"")))
			.andExpect(content().string(containsString("本人申出による削除")))
			.andExpect(content().string(containsString("喪失日 2026/08/31")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The decision form is filled in: 削除, the member's date, the mapped 事由.
		assertThat(page).containsPattern("id=\"decision-" + f.spouseId
				+ "-REMOVE\"[^>]*checked|checked[^>]*id=\"decision-" + f.spouseId + "-REMOVE\"");
		assertThat(page).containsPattern("id=\"loss-" + f.spouseId + "\"\\s+value=\"2026-08-31\"");
		assertThat(selected(page, f.spouseId)).isEqualTo("EMPLOYMENT");
		assertThat(selected(page, f.childId)).as("他の健康保険に加入 says no 事由: 本人申出").isEqualTo("OWN_REQUEST");

		// Saved as shown by a REVIEWER, it is a proposal waiting for a TENANT_ADMIN.
		mvc.perform(post("/admin/reviews/{f}/dependents/{d}/decision", f.formId, f.spouseId).with(reviewerLogin)
			.with(csrf())
			.param("version", String.valueOf(version()))
			.param("decision", "REMOVE")
			.param("lossDate", "2026-08-31")
			.param("reason", "EMPLOYMENT")).andExpect(flash().attribute("flash", "review.flash.decided"));
		var state = reviews.view(new ReviewActor(f.tenant.id(), "admin-s", "TENANT_ADMIN", null), f.formId)
			.decision(f.spouseId);
		assertThat(state.decision()).isEqualTo(Decision.REMOVE);
		assertThat(state.proposed()).isTrue();
		assertThat(state.lossDate()).isEqualTo(LocalDate.of(2026, 8, 31));
		assertThat(state.reason()).isEqualTo(LossReason.EMPLOYMENT);
		mvc.perform(get("/admin/reviews/{f}", f.formId).with(TestStaff.tenantAdmin(f.tenant.id())))
			.andExpect(content().string(containsString("承認待ち")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"approve-" + f.spouseId + "\".*")));
	}

	@Test
	void the_reasons_map_to_the_review_list_and_unclear_ones_to_own_request() {
		assertThat(SelfRemovals.reason(RemovalReason.MARRIED)).isEqualTo(LossReason.MARRIAGE);
		assertThat(SelfRemovals.reason(RemovalReason.INCOME_INCREASE)).isEqualTo(LossReason.INCOME_OVER_LIMIT);
		assertThat(SelfRemovals.reason(RemovalReason.DIED)).isEqualTo(LossReason.DEATH);
		assertThat(SelfRemovals.reason(RemovalReason.MOVED_OUT)).isEqualTo(LossReason.OWN_REQUEST);
		assertThat(SelfRemovals.reason(null)).isEqualTo(LossReason.OWN_REQUEST);
	}

	/** The 事由 selected in a dependent's decision form. */
	private static String selected(String page, long dependentId) {
		String select = page.substring(page.indexOf("id=\"reason-sel-" + dependentId + "\""));
		select = select.substring(0, select.indexOf("</select>"));
		var m = Pattern.compile("<option value=\"([A-Z_0-9]+)\"\\s+selected").matcher(select);
		return m.find() ? m.group(1) : null;
	}

	private MockHttpServletRequestBuilder step(long dependentId, String slug) {
		return post("/survey/{f}/d/{d}/{s}", f.formId, dependentId, slug).with(f.member())
			.with(csrf())
			.param("version", String.valueOf(answerVersion(dependentId)));
	}

	private void complete(long dependentId) throws Exception {
		mvc.perform(post("/survey/{f}/d/{d}/complete", f.formId, dependentId).with(f.member())
			.with(csrf())
			.param("completed", "yes")
			.param("version", String.valueOf(answerVersion(dependentId)))).andExpect(status().is3xxRedirection());
	}

	private int answerVersion(long dependentId) {
		return jdbc.sql("select coalesce(max(version), 0) from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(Integer.class)
			.single();
	}

	private int version() {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(f.formId)
			.query(Integer.class)
			.single();
	}

}
