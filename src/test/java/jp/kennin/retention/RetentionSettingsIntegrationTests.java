package jp.kennin.retention;

import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 保存期間 on its page: defaults, validation next to the field, audited changes. */
@KenninIntegrationTest
class RetentionSettingsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Retention retention;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "保存期間設定テスト健保");
	}

	@Test
	void shows_the_defaults_and_saves_full_width_digits_with_an_audit_record() throws Exception {
		String page = mvc.perform(get("/admin/retention").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("保存期間", "id=\"documentYears\"", "value=\"5\"", "バックアップ");

		mvc.perform(post("/admin/retention").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("documentYears", "３")
			.param("personalDataYears", "7年")).andExpect(redirectedUrl("/admin/retention?saved"));

		assertThat(retention.settingsForEditing(new StaffActor("a", StaffActor.TENANT_ADMIN, tenant.id())))
			.isEqualTo(new RetentionSettings(3, 7));
		String details = jdbc
			.sql("select details from audit_event where tenant_id = ? and type = 'RETENTION_SETTINGS_CHANGED'")
			.param(tenant.id())
			.query(String.class)
			.single();
		assertThat(details).contains("documentYears.from", "5", "documentYears.to", "3", "personalDataYears.to", "7");
	}

	@Test
	void a_value_out_of_range_is_refused_next_to_its_field_and_kept() throws Exception {
		String page = mvc
			.perform(post("/admin/retention").with(TestStaff.tenantAdmin(tenant.id()))
				.with(csrf())
				.param("documentYears", "21")
				.param("personalDataYears", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("1～20の整数（年）で入力してください。", "value=\"21\"", "value=\"0\"");
		assertThat(jdbc.sql("select count(*) from retention_setting where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void only_the_insurers_administrators_may() throws Exception {
		mvc.perform(get("/admin/retention").with(TestStaff.reviewer(tenant.id()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/retention").with(TestStaff.reviewer(tenant.id()))
			.with(csrf())
			.param("documentYears", "3")
			.param("personalDataYears", "3")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/retention").with(TestStaff.operator())).andExpect(status().isForbidden());
	}

}
