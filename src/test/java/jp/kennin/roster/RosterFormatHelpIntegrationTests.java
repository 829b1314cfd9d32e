package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page leads to the CSV format and to a sample file, both served by Kennin
 * itself (docs/ is not in the jar): the sample is docs/roster-sample.csv, byte for byte
 * after its BOM, and imports cleanly.
 */
@KenninIntegrationTest
class RosterFormatHelpIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	RosterImports imports;

	@Test
	void the_import_page_links_the_format_help_which_names_every_column() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "形式健保");
		String page = mvc.perform(get("/admin/roster/imports").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/admin/roster/imports/format\"")
			.contains(">名簿CSVの形式</a>")
			.contains("href=\"/admin/roster/imports/sample.csv\"")
			.contains("見本ファイル（CSV）をダウンロード")
			.doesNotContain("docs/roster-csv.md");

		String help = mvc.perform(get("/admin/roster/imports/format").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String column : new String[] { "記号", "番号", "枝番", "本人家族区分", "続柄", "氏名", "氏名カナ", "生年月日", "性別", "メールアドレス",
				"事業所コード", "事業所名", "同居区分", "資格取得日" }) {
			assertThat(help).contains("<th scope=\"row\" lang=\"ja\">" + column + "</th>");
		}
		assertThat(help).contains("S55.04.01")
			.contains("Windows-31J")
			.contains("256MB")
			.contains("href=\"/admin/roster/imports/sample.csv\"");
		String english = mvc
			.perform(get("/admin/roster/imports/format").param("lang", "en").with(TestStaff.tenantAdmin(tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Roster CSV format").contains("<th scope=\"row\" lang=\"ja\">生年月日</th>");

		// Like the import itself, the help is for those who import.
		mvc.perform(get("/admin/roster/imports/format").with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_sample_download_is_the_documented_sample_and_imports_cleanly() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "見本取得健保");
		MvcResult result = mvc.perform(get("/admin/roster/imports/sample.csv").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"roster-sample.csv\""))
			.andReturn();
		byte[] body = result.getResponse().getContentAsByteArray();
		byte[] documented = Files.readAllBytes(Path.of("docs", "roster-sample.csv"));
		assertThat(Arrays.copyOfRange(body, 0, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(Arrays.copyOfRange(body, 3, body.length)).as("the served sample is docs/roster-sample.csv")
			.isEqualTo(documented);
		try (InputStream in = new ByteArrayInputStream(body)) {
			var imported = imports.run(new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.CLI, "roster-sample.csv",
					"test", null, null, false), in, null);
			assertThat(imported.errors()).isEmpty();
			assertThat(imported.counts().added()).isEqualTo(6);
		}
	}

}
