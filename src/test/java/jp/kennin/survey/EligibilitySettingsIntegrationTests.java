package jp.kennin.survey;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.eligibility.Eligibility;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class EligibilitySettingsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Eligibility eligibility;

	@Autowired
	AuditLog audit;

	@Test
	void tenant_admin_adds_and_removes_own_dated_limits() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "基準テスト健保");
		Tenant other = TestTenants.create(tenants, "他の健保");
		mvc.perform(post("/admin/eligibility").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("validFrom", "2026-01-01")
			.param("standardLimit", "１２０万")
			.param("youngAdultLimit", "1,500,000")
			.param("youngAdultMinAge", "19")
			.param("youngAdultMaxAge", "22")
			.param("seniorLimit", "1800000")
			.param("seniorAge", "60")
			.param("latterStageAge", "75")).andExpect(redirectedUrl("/admin/eligibility"));
		assertThat(eligibility.parametersOn(tenant.id(), LocalDate.of(2026, 6, 1)).standardLimit())
			.isEqualTo(1_200_000);
		assertThat(eligibility.parametersOn(other.id(), LocalDate.of(2026, 6, 1)).standardLimit()).isEqualTo(1_300_000);
		assertThat(audit.search(new AuditLog.Query(tenant.id(), null, null, null, "eligibility:2026-01-01", 5)))
			.isNotEmpty();
		mvc.perform(get("/admin/eligibility").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(content().string(containsString("1,200,000円")));

		mvc.perform(post("/admin/eligibility/remove").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("validFrom", "2026-01-01")).andExpect(redirectedUrl("/admin/eligibility"));
		assertThat(eligibility.parametersOn(tenant.id(), LocalDate.of(2026, 6, 1)).standardLimit())
			.isEqualTo(1_300_000);
	}

	@Test
	void bad_values_are_explained_and_reviewers_cannot_change_limits() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "基準テスト健保");
		mvc.perform(post("/admin/eligibility").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("validFrom", "2026-13-01")
			.param("standardLimit", "たくさん")
			.param("youngAdultMinAge", "23")
			.param("youngAdultMaxAge", "19")
			.param("seniorLimit", "1800000")
			.param("seniorAge", "60")
			.param("latterStageAge", "75"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("実在する日付を入力してください。")))
			.andExpect(content().string(containsString("金額は「120000」や「12万」のように")))
			.andExpect(content().string(containsString("value=\"たくさん\"")));
		mvc.perform(get("/admin/eligibility").with(TestStaff.reviewer(tenant.id()))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/eligibility").with(TestStaff.operator())).andExpect(status().isForbidden());
	}

}
