package jp.kennin.survey;

import java.util.EnumSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The CSV export's file name comes from the campaign title, whatever characters it holds.
 */
@KenninIntegrationTest
class CampaignCsvFileNameIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Campaigns campaigns;

	@ParameterizedTest
	@ValueSource(strings = { "2026年度\r\n被扶養者資格調査", "題名\nX-Injected: yes", "a\u0007b\tc", "\"引用\"; filename=evil.exe",
			"../../etc/passwd", "\u202Evsc.exe" })
	void a_title_with_control_characters_still_exports(String title) throws Exception {
		Tenant tenant = TestTenants.create(tenants, "CSV名テスト健保");
		CampaignDraft template = CampaignIntegrationTests
			.draft(new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null));
		long id = campaigns.create(tenant.id(), new CampaignDraft(title, template.referenceDate(), template.opensAt(),
				template.deadline(), false, template.instructions(), template.rules()));
		MvcResult result = mvc
			.perform(get("/admin/campaigns/{id}/forms.csv", id).with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn();
		String disposition = result.getResponse().getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment;")
			.doesNotContain("\r")
			.doesNotContain("\n")
			.doesNotContain("\u0000");
		String fileName = ContentDisposition.parse(disposition).getFilename();
		assertThat(fileName).endsWith("_調査票.csv")
			.doesNotContain("\t")
			.doesNotContain("/")
			.doesNotContain("\"")
			.doesNotContain(";")
			.doesNotContain("\u202E");
		assertThat(result.getResponse().getContentAsByteArray()).isNotEmpty();
	}

}
