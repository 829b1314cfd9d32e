package jp.kennin.subsidy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;
import jp.kennin.test.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The subsidy rules controller alone (a web slice, {@link Subsidies} mocked): it reads
 * the typed values into {@link SubsidyRules}, hands them to the service with the actor
 * resolved from the login, and never calls it with values it could not read: those come
 * back with their message and as typed. Who may save, and the audit, are the service's
 * ({@code SubsidyRulesIntegrationTests}).
 */
// Only the controller and the actor resolver: the other modules' filters and advice stay
// out, so the slice needs nothing but the mocked service.
@WebMvcTest(useDefaultFilters = false, includeFilters = {
		@Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SubsidyRulesController.class),
		@Filter(type = FilterType.REGEX,
				pattern = "jp\\.kennin\\.platform\\.(StaffActorResolver|LayoutModelAdvice|ViewTime|YenFormat|MessageBundles|LocaleConfiguration)") })
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class SubsidyRulesControllerWebTests {

	private static final StaffActor ADMIN = new StaffActor("hojo-admin", StaffActor.TENANT_ADMIN, 9L, 0, "127.0.0.1");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Subsidies subsidies;

	@Test
	void typed_values_become_the_rules_the_service_saves() throws Exception {
		when(subsidies.rules(eq(ADMIN), anyInt())).thenReturn(Optional.empty());

		mvc.perform(form("/admin/subsidy/rules/2026").param("shotFrom", "２０２６／１０／０１")
			.param("shotTo", "2027年1月31日")
			.param("claimFrom", "2026-10-01")
			.param("claimTo", "2027-02-28")
			.param("insuredCovered", "true")
			.param("dependentsCovered", "true")
			.param("ageBelow", "６５")
			.param("capMode", "PER_DOSE")
			.param("capYen", "1,500円")
			.param("twoDosesBelowAge", "13")
			.param("aidDeducted", "true")
			.param("exclusions", "会社の集団接種")
			.param("paymentRoute", "BANK_TRANSFER")
			.param("cutoff", "WEEKLY")
			.param("cutoffDay", "5")).andExpect(redirectedUrl("/admin/subsidy/rules/2026?done"));

		verify(subsidies).saveRules(ADMIN,
				new SubsidyRules(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31), LocalDate.of(2026, 10, 1),
						LocalDate.of(2027, 2, 28), true, true, 65, null, CapMode.PER_DOSE, 1500, 13, true, "会社の集団接種",
						PaymentRoute.BANK_TRANSFER, Cutoff.WEEKLY, 5));
	}

	@Test
	void values_it_cannot_read_stay_on_the_form_and_never_reach_the_service() throws Exception {
		when(subsidies.rules(eq(ADMIN), anyInt())).thenReturn(Optional.empty());

		mvc.perform(form("/admin/subsidy/rules/2026").param("shotFrom", "あした")
			.param("shotTo", "2027-01-31")
			.param("claimFrom", "2026-10-01")
			.param("claimTo", "2027-02-28")
			.param("dependentsCovered", "true")
			.param("capYen", "二千")
			.param("cutoffDay", "20"))
			.andExpect(view().name(SubsidyRulesController.VIEW))
			.andExpect(model().attributeHasFieldErrors(SubsidyRulesController.FORM, "shotFrom", "capYen"))
			.andExpect(content().string(containsString("日付を 2026-10-01 の形で入力してください。")))
			.andExpect(content().string(containsString("value=\"あした\"")))
			.andExpect(content().string(containsString("value=\"二千\"")));

		verify(subsidies, never()).saveRules(any(), any());
	}

	@Test
	void a_year_no_kenpo_could_plan_for_is_not_a_page() throws Exception {
		mvc.perform(form("/admin/subsidy/rules/1999").param("capYen", "2000")).andExpect(status().isNotFound());

		verify(subsidies, never()).saveRules(any(), any());
	}

	private static MockHttpServletRequestBuilder form(String url) {
		return post(url).with(csrf()).with(authentication(admin()));
	}

	private static UsernamePasswordAuthenticationToken admin() {
		return new UsernamePasswordAuthenticationToken(new Staff(ADMIN.loginId(), ADMIN.tenantId()), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + StaffActor.TENANT_ADMIN)));
	}

	/** A logged-in staff member as the staff module's principal presents itself. */
	record Staff(String name, Long tenantId) implements TenantScopedPrincipal {

		@Override
		public String toString() {
			return name;
		}

	}

}
