package jp.kennin.roster;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.internal.ApiTokens;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class RosterApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Roster roster;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_valid_token_imports_into_its_own_tenant_and_gets_the_counts() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "API健保");
		Tenant other = TestTenants.create(tenants, "他健保");
		String token = tokens.create(tenant.id(), "基幹システム", "admin").token();
		byte[] file = RosterCsv.create().insured("01", "a1", "山田 太郎", "ヤマダ タロウ", "1980/01/01").utf8();
		mvc.perform(post("/api/v1/roster/imports?mode=snapshot").header("Authorization", "Bearer " + token)
			.contentType("text/csv")
			.content(file))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.counts.added").value(1))
			.andExpect(jsonPath("$.counts.deactivated").value(0));
		assertThat(roster.findInsured(tenant.id(), "01", "a1")).isPresent();
		assertThat(roster.findInsured(other.id(), "01", "a1")).isEmpty();

		mvc.perform(multipart("/api/v1/roster/imports?mode=delta")
			.file(new MockMultipartFile("file", "roster.csv", "text/csv", file))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.unchanged").value(1));
	}

	@Test
	void a_rejected_file_returns_422_with_every_error() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "API健保");
		String token = tokens.create(tenant.id(), "基幹システム", "admin").token();
		byte[] file = RosterCsv.create().insured("01", "a1", "山田 太郎", "ヤマダ タロウ", "1985/13/01").utf8();
		mvc.perform(post("/api/v1/roster/imports?mode=delta").header("Authorization", "Bearer " + token)
			.contentType("text/csv")
			.content(file))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.status").value("INVALID"))
			.andExpect(jsonPath("$.errorCount").value(1))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].text").value("2行目 生年月日: 日付として読めません（1985/13/01）"));
		assertThat(roster.findInsured(tenant.id(), "01", "a1")).isEmpty();
	}

	@Test
	void missing_wrong_and_revoked_tokens_are_refused_without_a_session() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "API健保");
		var created = tokens.create(tenant.id(), "基幹システム", "admin");
		byte[] file = RosterCsv.create().insured("01", "a1", "山田 太郎", "ヤマダ タロウ", "1980/01/01").utf8();
		mvc.perform(post("/api/v1/roster/imports?mode=delta").contentType("text/csv").content(file))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/roster/imports?mode=delta").header("Authorization", "Bearer kennin_wrong")
			.contentType("text/csv")
			.content(file)).andExpect(status().isUnauthorized());
		tokens.revoke(tenant.id(), created.id());
		mvc.perform(post("/api/v1/roster/imports?mode=delta").header("Authorization", "Bearer " + created.token())
			.contentType("text/csv")
			.content(file)).andExpect(status().isUnauthorized());
		assertThat(roster.findInsured(tenant.id(), "01", "a1")).isEmpty();
		assertThat(jdbc.sql("select token_hash from roster_api_token where id = ?")
			.param(created.id())
			.query(String.class)
			.single()).isNotEqualTo(created.token()).doesNotContain(created.token().substring(7));
	}

	@Test
	void a_staff_session_cannot_use_the_api() throws Exception {
		mvc.perform(post("/api/v1/roster/imports?mode=delta").contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isUnauthorized());
	}

}
