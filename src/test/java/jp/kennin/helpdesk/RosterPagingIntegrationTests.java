package jp.kennin.helpdesk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Page numbers typed into the address bar of 名簿の検索 never break the search. */
@KenninIntegrationTest
class RosterPagingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@ParameterizedTest
	@ValueSource(strings = { "2147483647", "2147483646", "42949673", "-1", "-2147483648" })
	void any_page_number_shows_a_result_page(String page) throws Exception {
		Tenant tenant = TestTenants.create(tenants, "頁テスト健保");
		mvc.perform(get("/admin/roster").param("name", "タナカ").param("page", page).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("名簿の検索")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "99999999999", "1e3" })
	void a_page_that_is_no_number_shows_the_first_page(String page) throws Exception {
		Tenant tenant = TestTenants.create(tenants, "頁テスト健保");
		mvc.perform(get("/admin/roster").param("name", "タナカ").param("page", page).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("名簿の検索")));
	}

}
