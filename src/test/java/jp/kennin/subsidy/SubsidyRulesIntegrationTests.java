package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * インフルエンザ補助金の設定 on its page: the current fiscal year first with suggested rules, a
 * kenpo's own rules saved as typed (full-width digits, 円, commas) with an audit record of
 * what changed, wrong values next to their fields with the rest kept, other staff
 * refused.
 */
@KenninIntegrationTest
class SubsidyRulesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Subsidies subsidies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-12-01T01:00:00Z"));
		tenant = TestTenants.create(tenants, "補助金設定テスト健保");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_current_year_shows_suggested_rules_and_a_kenpos_own_rules_are_saved_with_an_audit_record()
			throws Exception {
		mvc.perform(get("/admin/subsidy/rules").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(redirectedUrl("/admin/subsidy/rules/2026"));
		String page = body(get("/admin/subsidy/rules/2026"));
		assertThat(page).contains("2026年度 インフルエンザ補助金の設定", "id=\"rules-suggested\"", "value=\"2026-10-01\"",
				"value=\"2000\"");

		// KHI-like: dependents only, ¥4,000 per person, claims to 3/10, weekly on Friday.
		mvc.perform(form(post("/admin/subsidy/rules/2026")).param("shotFrom", "２０２６／１０／０１")
			.param("shotTo", "2027年2月28日")
			.param("claimTo", "2027-03-10")
			.param("dependentsCovered", "true")
			.param("capYen", "4,000円")
			.param("cutoff", "WEEKLY")
			.param("cutoffDay", "５")
			.param("exclusions", "会社の集団接種、海外での接種")).andExpect(redirectedUrl("/admin/subsidy/rules/2026?done"));

		SubsidyRules saved = subsidies.rules(admin(), 2026).orElseThrow();
		assertThat(saved).isEqualTo(new SubsidyRules(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 2, 28),
				LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 10), false, true, null, null, CapMode.PER_PERSON, 4000,
				13, true, "会社の集団接種、海外での接種", PaymentRoute.PAYROLL, Cutoff.WEEKLY, 5));
		assertThat(body(get("/admin/subsidy/rules/2026?done"))).contains("2026年度の設定を保存しました。", "value=\"4000\"")
			.doesNotContain("id=\"rules-suggested\"");
		String details = jdbc
			.sql("select details from audit_event where tenant_id = ? and type = 'SUBSIDY_RULES_CHANGED'")
			.param(tenant.id())
			.query(String.class)
			.single();
		assertThat(details).contains("capYen.to", "4000", "insuredCovered.to", "false", "cutoff.to", "WEEKLY");

		// Saving the same again records nothing new; a change records only what changed.
		mvc.perform(form(post("/admin/subsidy/rules/2026")).param("shotFrom", "2026-10-01")
			.param("shotTo", "2027-02-28")
			.param("claimTo", "2027-03-10")
			.param("dependentsCovered", "true")
			.param("capYen", "4000")
			.param("cutoff", "WEEKLY")
			.param("cutoffDay", "5")
			.param("exclusions", "会社の集団接種、海外での接種")).andExpect(status().is3xxRedirection());
		assertThat(audits()).isEqualTo(1);
		assertThat(subsidies.years(admin())).containsExactly(2026);
	}

	@Test
	void wrong_values_are_named_next_to_their_fields_and_everything_typed_is_kept() throws Exception {
		String page = mvc
			.perform(form(post("/admin/subsidy/rules/2026")).param("shotFrom", "2026-10-01")
				.param("shotTo", "2026-09-01")
				.param("claimTo", "あした")
				.param("capYen", "0")
				.param("ageBelow", "六十五")
				.param("cutoffDay", "31")
				.param("exclusions", "海外での接種"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"claimTo-error\"", "日付を 2026-10-01 の形で入力してください。", "id=\"ageBelow-error\"",
				"id=\"cutoffDay-error\"", "value=\"あした\"", "value=\"六十五\"", "海外での接種");
		assertThat(subsidies.rules(admin(), 2026)).isEmpty();

		// The fields fine on their own, wrong together.
		String together = mvc
			.perform(form(post("/admin/subsidy/rules/2026")).param("shotFrom", "2026-10-01")
				.param("shotTo", "2026-09-01")
				.param("claimTo", "2027-02-28")
				.param("capYen", "0")
				.param("cutoffDay", "20"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(together).contains("id=\"shotTo-error\"", "終了日は開始日と同じか後の日にしてください。", "id=\"capYen-error\"",
				"補助額の上限は1円から100,000円の間で入力してください。", "id=\"dependentsCovered-error\"");
		assertThat(subsidies.rules(admin(), 2026)).isEmpty();
		assertThat(audits()).isZero();
	}

	@Test
	void only_the_insurers_administrators_see_or_change_the_rules() throws Exception {
		mvc.perform(get("/admin/subsidy/rules/2026").with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/subsidy/rules/2026").with(TestStaff.operator()).with(csrf()).param("capYen", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/subsidy/rules/1999").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isNotFound());
		assertThat(audits()).isZero();
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request) {
		return request.with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("claimFrom", "2026-10-01")
			.param("capMode", "PER_PERSON")
			.param("twoDosesBelowAge", "13")
			.param("aidDeducted", "true")
			.param("paymentRoute", "PAYROLL");
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private long audits() {
		return jdbc.sql("select count(*) from audit_event where tenant_id = ? and type = 'SUBSIDY_RULES_CHANGED'")
			.param(tenant.id())
			.query(Long.class)
			.single();
	}

	private StaffActor admin() {
		return new StaffActor("a", StaffActor.TENANT_ADMIN, tenant.id());
	}

}
