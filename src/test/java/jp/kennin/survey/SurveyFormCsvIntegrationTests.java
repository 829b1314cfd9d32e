package jp.kennin.survey;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

import jp.kennin.eligibility.RequiredDocument;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The forms CSV's 不足書類の提出方法 column: what the member chose for each missing document, by
 * post or why it cannot be provided, in one cell.
 */
@KenninIntegrationTest
class SurveyFormCsvIntegrationTests {

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

	@Test
	void the_csv_shows_each_choice_for_a_missing_document() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "書類選択出力健保");
		String bango = "m" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "9", bango, "00", true, "本人", RelationshipCategory.SELF, "郵送 太郎", "ユウソウ タロウ",
						LocalDate.of(1970, 1, 1), Gender.MALE, "t@example.jp", "100", "本社", null, null, true),
				new RosterPerson(0, 0, "9", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "郵送 花子", "ユウソウ ハナコ",
						LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
		long campaignId = campaigns.create(tenant.id(), CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaignId);
		long formId = jdbc.sql("select id from survey_form where campaign_id = ?")
			.param(campaignId)
			.query(Long.class)
			.single();
		long dependentId = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(formId)
			.query(Long.class)
			.single();
		// Stored directly: this test is about the export, not about choosing
		// (SurveyDocumentsIntegrationTests).
		choose(tenant, formId, dependentId, "INCOME_CERTIFICATE", "MAIL", null, null);
		choose(tenant, formId, dependentId, "SALARY_PROOF", "UNABLE", "アルバイト先が閉店し、\n発行を受けられないため", null);
		// Uploaded after submission after all: no longer missing, so not listed.
		choose(tenant, formId, dependentId, "PENSION_NOTICE", "MAIL", null, Timestamp.from(Instant.now()));

		byte[] bytes = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", campaignId).param("encoding", "utf8")
				.with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		try (CSVParser parser = CSVParser.parse(text,
				CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
			var rows = parser.getRecords();
			assertThat(rows).hasSize(1);
			assertThat(rows.get(0).get("不足書類の提出方法（郵送・提出できない理由）"))
				.isEqualTo(RequiredDocument.INCOME_CERTIFICATE.displayName() + "：郵送で提出／"
						+ RequiredDocument.SALARY_PROOF.displayName() + "：提出できない（理由：アルバイト先が閉店し、 発行を受けられないため）");
		}
	}

	private void choose(Tenant tenant, long formId, long dependentId, String slot, String choice, String reason,
			Timestamp addedAt) {
		jdbc.sql("""
				insert into survey_document_choice (tenant_id, survey_form_id, dependent_id, slot, choice, reason,
				  updated_at, document_added_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenant.id(), formId, dependentId, slot, choice, reason, Timestamp.from(Instant.now()), addedAt)
			.update();
	}

}
