package jp.kennin.roster;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.platform.ApiPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.HtmlForm;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A token's name (its purpose) with a NUL, which PostgreSQL cannot store, is refused next
 * to the field with the chosen scopes kept; no token is issued.
 */
@KenninIntegrationTest
class RosterTokenNameIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_nul_in_the_name_is_refused_next_to_the_field_and_the_scopes_are_kept() throws Exception {
		Tenant tenant = fixtures.tenant();
		var response = mvc
			.perform(post("/admin/roster/tokens").with(TestStaff.tenantAdmin(tenant.id()))
				.with(csrf())
				.param("name", "基幹\u0000システム")
				.param("scope", ApiPrincipal.RESULTS_READ))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		HtmlForm page = HtmlForm.of(html);
		assertThat(page.error("name")).contains("用途に改行や制御文字は使えません");
		assertThat(page.marked("name")).isTrue();
		assertThat(page.value("name")).startsWith("基幹").endsWith("システム");
		Document doc = Jsoup.parse(html);
		assertThat(doc.select("input[name=scope][checked]").eachAttr("value"))
			.containsExactly(ApiPrincipal.RESULTS_READ);
		assertThat(doc.text()).doesNotContain("このトークンはこの画面でしか表示されません");
		assertThat(tokens(tenant)).as("no token issued").isZero();

		mvc.perform(post("/admin/roster/tokens").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("name", "基幹システム")
			.param("scope", ApiPrincipal.RESULTS_READ)).andExpect(redirectedUrl("/admin/roster/tokens"));
		assertThat(tokens(tenant)).isOne();
	}

	private int tokens(Tenant tenant) {
		return jdbc.sql("select count(*) from roster_api_token where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

}
