package jp.kennin.survey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.document.internal.TestFiles;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestMember;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Staff proxy input (代行入力, issue 12 screen 8): staff fill a household's form with the
 * member's questions and submit it on the member's behalf with the channel.
 */
@KenninIntegrationTest
class ProxyInputIntegrationTests {

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
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	private long campaignId;

	private long formId;

	private String bango;

	private long dependentId;

	private RequestPostProcessor reviewer;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "代行入力健保");
		reviewer = TestStaff.reviewer(tenant.id());
		bango = "p" + SEQ.incrementAndGet();
		// A household without any member account: answered on paper.
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "7", bango, "00", true, "本人", RelationshipCategory.SELF, "紙 太郎", "カミ タロウ",
						LocalDate.of(1970, 1, 1), Gender.MALE, null, "100", "本社", null, null, true),
				new RosterPerson(0, 0, "7", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "紙 花子", "カミ ハナコ",
						LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
		CampaignDraft draft = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		campaignId = campaigns.create(tenant.id(), draft);
		campaigns.open(tenant.id(), campaignId);
		formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		dependentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		clock.setInstant(draft.opensAt().plus(Duration.ofHours(1)));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void staff_fill_a_paper_answer_upload_a_scan_and_submit_it_for_a_household_without_account() throws Exception {
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).with(reviewer))
			.andExpect(content().string(containsString("/admin/proxy/" + formId)));
		mvc.perform(get("/admin/survey-forms/{f}", formId).with(reviewer))
			.andExpect(content().string(containsString("id=\"proxy-link\"")));
		long insured = jdbc.sql("select insured_person_id from survey_form where id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		mvc.perform(get("/admin/roster/people/{id}", insured).with(reviewer))
			.andExpect(content().string(containsString("/admin/proxy/" + formId)));
		mvc.perform(get("/admin/proxy/{f}", formId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代行入力を始める")))
			.andExpect(content().string(not(containsString("会員が回答を作成中"))));
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()).param("channel", "PAPER"))
			.andExpect(redirectedUrl("/admin/proxy/" + formId));
		mvc.perform(get("/admin/proxy/{f}", formId).with(reviewer))
			.andExpect(content().string(containsString("紙 花子さん（妻）の回答を入力する")));
		mvc.perform(get("/admin/proxy/{f}/d/{d}/continuation", formId, dependentId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代行入力（紙）")))
			.andExpect(
					content().string(containsString("/admin/proxy/" + formId + "/d/" + dependentId + "/continuation")));
		// The member's validation applies: a removal needs its date.
		mvc.perform(step("continuation", 0).param("continuation", "REMOVE").param("removalReason", "EMPLOYED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("入力内容に誤りがあります")));
		mvc.perform(step("continuation", 0).param("continuation", "REMOVE")
			.param("removalYear", "2026")
			.param("removalMonth", "8")
			.param("removalDay", "1")
			.param("removalReason", "EMPLOYED"))
			.andExpect(redirectedUrl("/admin/proxy/" + formId + "/d/" + dependentId));
		mvc.perform(multipart("/admin/proxy/{f}/d/{d}/documents", formId, dependentId)
			.file(new MockMultipartFile("file", "離職票.pdf", "application/pdf", TestFiles.pdf(1)))
			.param("slot", "OTHER")
			.with(reviewer)
			.with(csrf())).andExpect(redirectedUrl("/admin/proxy/" + formId + "/d/" + dependentId));
		mvc.perform(multipart("/admin/proxy/{f}/d/{d}/documents", formId, dependentId)
			.file(new MockMultipartFile("file", "メモ.txt", "text/plain",
					"not a document".getBytes(StandardCharsets.UTF_8)))
			.param("slot", "OTHER")
			.with(reviewer)
			.with(csrf())).andExpect(flash().attributeExists("uploadError"));
		mvc.perform(get("/admin/proxy/{f}/d/{d}", formId, dependentId).with(reviewer))
			.andExpect(content().string(containsString("離職票.pdf")))
			.andExpect(content().string(not(containsString("メモ.txt"))));
		mvc.perform(post("/admin/proxy/{f}/d/{d}/complete", formId, dependentId).with(reviewer)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "1")).andExpect(redirectedUrl("/admin/proxy/" + formId));
		mvc.perform(get("/admin/proxy/{f}/check", formId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代行で提出する")));
		mvc.perform(post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf()))
			.andExpect(redirectedUrl("/admin/proxy/" + formId))
			.andExpect(flash().attributeExists("proxySubmitted"));

		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("SUBMITTED");
		var submission = jdbc.sql(
				"select channel, actor_kind, actor_id from survey_form_event where survey_form_id = ? and kind = 'SUBMITTED'")
			.param(formId)
			.query()
			.singleRow();
		assertThat(submission).containsEntry("CHANNEL", "PAPER")
			.containsEntry("ACTOR_KIND", "STAFF")
			.containsEntry("ACTOR_ID", "test-reviewer-" + tenant.id());
		var events = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "survey_form:" + formId, 50));
		assertThat(events).extracting(jp.kennin.audit.AuditEntry::type)
			.contains("PROXY_STARTED", "PROXY_ANSWER_SAVED", "PROXY_DOCUMENT_UPLOADED", "PROXY_SUBMITTED");
		assertThat(events).filteredOn(e -> e.type().equals("PROXY_SUBMITTED"))
			.singleElement()
			.satisfies(e -> assertThat(e.details()).containsEntry("channel", "PAPER"));
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, null, 100)))
			.extracting(jp.kennin.audit.AuditEntry::type)
			.contains("DOCUMENT_UPLOADED_BY_STAFF");

		// The staff form and its history say it was entered by staff.
		mvc.perform(get("/admin/proxy/{f}", formId).with(reviewer))
			.andExpect(content().string(containsString("代行入力（紙）")))
			.andExpect(content().string(containsString("提出済み（または審査中）のため、代行入力できません")));

		mvc.perform(get("/admin/survey-forms/{f}", formId).with(reviewer))
			.andExpect(content().string(containsString("代行入力で提出（代行入力（紙）")))
			.andExpect(content().string(not(containsString("id=\"proxy-link\""))));
		// The review queue and screen mark it.
		mvc.perform(get("/admin/campaigns/{id}/review", campaignId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代行入力（紙）")));
		mvc.perform(get("/admin/reviews/{f}", formId).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代行入力（紙）")));
		// The member (once they have an account) sees that staff entered it, and the
		// answers.
		mvc.perform(get("/survey/{f}", formId).with(TestMember.of(tenant.id(), "7", bango)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("健康保険組合の担当者が紙で受け付けた回答を代行入力して提出しました")));
		mvc.perform(get("/survey/{f}/receipt", formId).with(TestMember.of(tenant.id(), "7", bango)))
			.andExpect(content().string(containsString("担当者が紙で受け付けた")));

		// A submitted form is not entered again.
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()).param("channel", "PHONE"))
			.andExpect(flash().attribute("problem", "survey.form.problem.submitted"));
		mvc.perform(step("continuation", 2).param("continuation", "CONTINUE"))
			.andExpect(flash().attribute("problem", "survey.form.problem.submitted"));
		mvc.perform(post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf()))
			.andExpect(flash().attribute("problem", "survey.form.problem.submitted"));

		// The CSV's last column names the channel.
		String csv = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).param("encoding", "utf8")
				.with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.substring(1);
		try (var parser = org.apache.commons.csv.CSVParser.parse(csv,
				org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
			assertThat(parser.getHeaderNames()).last().isEqualTo("受付経路");
			assertThat(parser.getRecords()).singleElement().satisfies(r -> assertThat(r.get("受付経路")).isEqualTo("紙"));
		}
	}

	@Test
	void staff_continue_the_member_draft_and_a_concurrent_save_is_told_not_overwritten() throws Exception {
		mvc.perform(
				post("/survey/{f}/d/{d}/continuation", formId, dependentId).with(TestMember.of(tenant.id(), "7", bango))
					.with(csrf())
					.param("version", "0")
					.param("continuation", "IN_PROGRESS"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/proxy/{f}", formId).with(reviewer))
			.andExpect(content().string(containsString("会員が回答を作成中です")));
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()).param("channel", "PHONE"));
		// Staff's page was rendered before the member's save: told, the member's answer
		// kept.
		mvc.perform(step("continuation", 0).param("continuation", "CONTINUE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("別の画面")));
		assertThat(jdbc.sql("select continuation from survey_answer where dependent_id = ?")
			.param(dependentId)
			.query(String.class)
			.single()).isEqualTo("IN_PROGRESS");
		mvc.perform(step("continuation", 1).param("continuation", "CONTINUE"))
			.andExpect(redirectedUrl("/admin/proxy/" + formId + "/d/" + dependentId + "/living"));
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, "survey_form:" + formId, 50)))
			.filteredOn(e -> e.type().equals("PROXY_STARTED"))
			.singleElement()
			.satisfies(e -> assertThat(e.details()).containsEntry("channel", "PHONE").containsEntry("draft", "true"));
	}

	@Test
	void a_phone_answer_with_documents_to_follow_by_post_is_submitted_after_choosing_for_each() throws Exception {
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()).param("channel", "PHONE"));
		mvc.perform(step("continuation", 0).param("continuation", "CONTINUE"));
		mvc.perform(step("living", 1).param("living", "TOGETHER"));
		mvc.perform(step("occupation", 2).param("occupations", "PART_TIME"));
		mvc.perform(step("income", 3).param("incomeSalary", "1400000"));
		mvc.perform(step("residence", 4).param("residence", "DOMESTIC"));
		mvc.perform(step("disability", 5).param("disabled", "no"))
			.andExpect(redirectedUrl("/admin/proxy/" + formId + "/d/" + dependentId));
		mvc.perform(post("/admin/proxy/{f}/d/{d}/complete", formId, dependentId).with(reviewer)
			.with(csrf())
			.param("completed", "yes")
			.param("version", "6")).andExpect(redirectedUrl("/admin/proxy/" + formId));
		// Required documents neither uploaded nor accounted for: the check page names
		// them.
		String page = mvc.perform(post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提出できませんでした")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var required = Pattern.compile("name=\"required\" form=\"submit-form\" value=\"([^\"]+)\"")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(required).isNotEmpty();
		var submit = post("/admin/proxy/{f}/submit", formId).with(reviewer).with(csrf());
		for (String key : required) {
			submit.param("required", key).param("choice-" + key, "MAIL");
		}
		mvc.perform(submit).andExpect(redirectedUrl("/admin/proxy/" + formId));
		assertThat(jdbc.sql(
				"select channel from survey_form_event where survey_form_id = ? and kind = 'SUBMITTED' order by id desc")
			.param(formId)
			.query(String.class)
			.list()).containsExactly("PHONE");
	}

	@Test
	void nothing_is_saved_before_staff_start_with_a_channel() throws Exception {
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(reviewer).with(csrf()))
			.andExpect(flash().attribute("channelError", "survey.proxy.error.channel"));
		mvc.perform(step("continuation", 0).param("continuation", "CONTINUE"))
			.andExpect(flash().attribute("problem", "survey.proxy.problem.notStarted"));
		mvc.perform(get("/admin/proxy/{f}/d/{d}/continuation", formId, dependentId).with(reviewer))
			.andExpect(redirectedUrl("/admin/proxy/" + formId));
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(formId).query(String.class).single())
			.isEqualTo("NOT_STARTED");
	}

	@Test
	void another_tenant_finds_no_household_and_operators_are_refused() throws Exception {
		Tenant other = TestTenants.create(tenants, "他の健保");
		RequestPostProcessor otherAdmin = TestStaff.tenantAdmin(other.id());
		mvc.perform(get("/admin/proxy/{f}", formId).with(otherAdmin)).andExpect(status().isNotFound());
		mvc.perform(post("/admin/proxy/{f}/start", formId).with(otherAdmin).with(csrf()).param("channel", "PAPER"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/proxy/{f}/d/{d}/continuation", formId, dependentId).with(otherAdmin)
			.with(csrf())
			.param("version", "0")
			.param("continuation", "CONTINUE")).andExpect(status().isNotFound());
		mvc.perform(get("/admin/proxy/{f}", formId).with(TestStaff.operator())).andExpect(status().isForbidden());
		mvc.perform(get("/admin/proxy/{f}", formId).with(TestMember.of(tenant.id(), "7", bango)))
			.andExpect(status().is4xxClientError());
		assertThat(jdbc.sql("select proxy_channel from survey_form where id = ?")
			.param(formId)
			.query(String.class)
			.optional()).isEmpty();
	}

	private MockHttpServletRequestBuilder step(String slug, int version) {
		return post("/admin/proxy/{f}/d/{d}/{s}", formId, dependentId, slug).with(reviewer)
			.with(csrf())
			.param("version", String.valueOf(version));
	}

}
