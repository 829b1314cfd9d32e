package jp.kennin.tenant.web;

import java.util.Optional;

import jakarta.servlet.DispatcherType;

import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The error page while the database is down (issue 16 item 5): the insurer's help desk
 * comes from the copy this node saw last, and the manual/FAQ links are not looked up.
 * Pages other than the error page fail as before.
 */
class TenantHeaderAdviceTests {

	private final Tenants tenants = mock(Tenants.class);

	private final TenantPages pages = mock(TenantPages.class);

	private final TenantHeaderAdvice advice = new TenantHeaderAdvice(tenants, pages);

	private final Tenant tenant = new Tenant(7, "desk", "窓口健保", "a@kenpo.example", "窓口健保",
			new Tenant.SupportDesk("窓口健保 適用グループ", "0120-123-456", null, null, null), PasswordPolicyPreset.NIST);

	@Test
	void on_the_error_dispatch_a_database_failure_falls_back_to_the_insurer_seen_last() {
		when(tenants.findByCode("desk")).thenReturn(Optional.of(tenant));
		assertThat(advice.headerTenant(request(DispatcherType.REQUEST))).isEqualTo(tenant);

		when(tenants.findByCode("desk")).thenThrow(new DataAccessResourceFailureException("connection refused"));
		MockHttpServletRequest error = request(DispatcherType.ERROR);
		assertThat(advice.headerTenant(error)).isEqualTo(tenant);
		assertThat(advice.memberPages(error)).isEqualTo(TenantHeaderAdvice.MemberPages.NONE);

		assertThatThrownBy(() -> advice.headerTenant(request(DispatcherType.REQUEST)))
			.isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	void an_insurer_never_seen_is_no_desk_on_the_error_page() {
		when(tenants.findByCode("desk")).thenThrow(new DataAccessResourceFailureException("connection refused"));
		assertThat(advice.headerTenant(request(DispatcherType.ERROR))).isNull();
	}

	private static MockHttpServletRequest request(DispatcherType type) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/signup");
		request.setDispatcherType(type);
		request.setAttribute("kennin.tenantCode", "desk");
		return request;
	}

}
