package jp.kennin.survey;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class StaffSurveyFormIntegrationTests {

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

	@Autowired
	jp.kennin.document.Documents documents;

	@BeforeEach
	void setUp() throws Exception {
		tenant = TestTenants.create(tenants, "出力テスト健保");
		bango = "x" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "9", bango, "00", true, "本人", RelationshipCategory.SELF, "髙橋 ①郎", "タカハシ イチロウ",
						LocalDate.of(1970, 1, 1), Gender.MALE, "t@example.jp", "100", "本社", null, null, true),
				new RosterPerson(0, 0, "9", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "=HYPERLINK(\"x\")",
						"タカハシ ハナコ", LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
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
		mvc.perform(
				post("/survey/{f}/d/{d}/continuation", formId, dependentId).with(TestMember.of(tenant.id(), "9", bango))
					.with(csrf())
					.param("version", "0")
					.param("continuation", "IN_PROGRESS"));
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void staff_list_forms_by_status_and_office() throws Exception {
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("髙橋 ①郎")))
			.andExpect(content().string(containsString("作成中")));
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).param("status", "SUBMITTED")
			.with(TestStaff.reviewer(tenant.id()))).andExpect(content().string(containsString("該当する調査票はありません。")));
	}

	@Test
	void viewing_a_form_is_audited() throws Exception {
		mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("手続き中")));
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, "survey_form:" + formId, 10)))
			.extracting(e -> e.type())
			.contains("SURVEY_FORM_VIEWED");
	}

	@Test
	void csv_export_in_windows_31j_and_utf8_escapes_formulas() throws Exception {
		byte[] sjis = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(sjis, Charset.forName("windows-31j"));
		assertThat(text).startsWith("受付番号,状態").contains("'=HYPERLINK").contains("手続き中（すでに削除の届出をした）");

		byte[] utf8 = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).param("encoding", "utf8")
				.with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(utf8[0] & 0xFF).isEqualTo(0xEF);
		assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("\r\n").contains("'=HYPERLINK");
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + campaignId, 10)))
			.extracting(e -> e.type())
			.contains("SURVEY_FORMS_EXPORTED");
	}

	@Test
	void csv_names_the_insured_has_excel_dates_and_shows_missing_documents_and_precheck_warnings() throws Exception {
		answer("continuation", 1, "continuation", "CONTINUE");
		answer("living", 2, "living", "TOGETHER");
		answer("occupation", 3, "occupations", "PART_TIME");
		answer("income", 4, "incomeSalary", "1400000");
		long spouse = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(dependentId)
			.query(Long.class)
			.single();
		documents.store(new jp.kennin.document.DocumentOwner(tenant.id(), "9", bango), spouse, "SALARY_PROOF",
				"給与明細.pdf", jp.kennin.document.internal.TestFiles.pdf(1));
		// Submitted at 2026-12-02 03:43:27 Japan time (set directly: this test is about
		// the export, not submitting).
		jdbc.sql("update survey_form set status = 'SUBMITTED', receipt_number = '2026-0001-0000001', submitted_at = ? "
				+ "where id = ?")
			.params(Timestamp.from(Instant.parse("2026-12-01T18:43:27Z")), formId)
			.update();

		for (String encoding : List.of("sjis", "utf8")) {
			byte[] bytes = mvc
				.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).param("encoding", encoding)
					.with(TestStaff.tenantAdmin(tenant.id())))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			String text = encoding.equals("utf8") ? new String(bytes, StandardCharsets.UTF_8).substring(1)
					: new String(bytes, Charset.forName("windows-31j"));
			try (var parser = org.apache.commons.csv.CSVParser.parse(text,
					org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
				var rows = parser.getRecords();
				assertThat(rows).as(encoding).hasSize(1);
				var row = rows.get(0);
				assertThat(row.get("被保険者氏名")).as(encoding).isEqualTo("髙橋 ①郎");
				assertThat(row.get("提出日時")).isEqualTo("2026/12/02 03:43:27");
				assertThat(LocalDateTime.parse(row.get("提出日時"), DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")))
					.isNotNull();
				assertThat(row.get("生年月日")).isEqualTo("1972/01/01");
				assertThat(row.get("書類不足")).contains("所得証明書").doesNotContain("給与明細");
				assertThat(row.get("不足書類の提出方法（郵送・提出できない理由）")).isEmpty();
				assertThat(row.get("事前確認の注意")).contains("年間収入見込額が130万円以上のため");
			}
		}
	}

	@Test
	void the_staff_form_names_each_uploaded_document_by_its_slot() throws Exception {
		long spouse = jdbc.sql("select roster_person_id from survey_form_dependent where id = ?")
			.param(dependentId)
			.query(Long.class)
			.single();
		documents.store(new jp.kennin.document.DocumentOwner(tenant.id(), "9", bango), spouse, "SALARY_PROOF",
				"給与明細.pdf", jp.kennin.document.internal.TestFiles.pdf(1));
		mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.reviewer(tenant.id())))
			.andExpect(content().string(containsString("給与明細（直近3か月分）または源泉徴収票・")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("SALARY_PROOF"))));
	}

	private void answer(String step, int version, String name, String value) throws Exception {
		mvc.perform(
				post("/survey/{f}/d/{d}/{s}", formId, dependentId, step).with(TestMember.of(tenant.id(), "9", bango))
					.with(csrf())
					.param("version", String.valueOf(version))
					.param(name, value))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void other_tenants_and_members_cannot_see_the_forms() throws Exception {
		Tenant other = TestTenants.create(tenants, "他健保");
		mvc.perform(get("/admin/survey-forms/{id}", formId).with(TestStaff.tenantAdmin(other.id())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).with(TestStaff.tenantAdmin(other.id())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/{id}/forms", campaignId).with(TestMember.of(tenant.id(), "9", "1")))
			.andExpect(status().is4xxClientError());
	}

}
