package jp.kennin.tenant.web;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.notification.MailThrottles;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The TENANT_ADMIN sets 1分あたりの送信メール数 on the member-contact page; a bad value is refused
 * next to the field and kept.
 */
@KenninIntegrationTest
class MailRateSettingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	MailThrottles throttles;

	@Autowired
	AuditLog audit;

	@Test
	void the_tenant_admin_sets_the_mail_rate_and_a_bad_value_is_refused_next_to_the_field() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "送信数設定の保険者");
		String form = mvc.perform(get("/admin/member-contact").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("1分あたりの送信メール数").contains("value=\"" + throttles.perMinute(tenant.id()) + "\"");

		String refused = mvc
			.perform(post("/admin/member-contact").with(TestStaff.tenantAdmin(tenant.id()))
				.with(csrf())
				.param("supportName", "窓口テスト")
				.param("mailsPerMinute", "100001"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("0から100000までの整数で入力してください").contains("value=\"100001\"").contains("窓口テスト");
		assertThat(throttles.perMinute(tenant.id())).isNotEqualTo(100001);

		mvc.perform(post("/admin/member-contact").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("supportName", "窓口テスト")
			.param("mailsPerMinute", "120")).andExpect(redirectedUrl("/admin/member-contact?saved"));
		assertThat(throttles.perMinute(tenant.id())).isEqualTo(120);
		AuditEntry event = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "tenant:" + tenant.id(), 5))
			.get(0);
		assertThat(event.type()).isEqualTo("TENANT_CONTACT_UPDATED");
	}

}
