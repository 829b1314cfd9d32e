package jp.kennin.test;

import java.io.Serializable;
import java.util.List;

import jp.kennin.platform.TenantScopedPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A logged-in staff member for MockMvc requests, without going through the staff login
 * (tested on its own).
 */
public final class TestStaff {

	private TestStaff() {
	}

	public static RequestPostProcessor tenantAdmin(long tenantId) {
		return staff(tenantId, "TENANT_ADMIN");
	}

	public static RequestPostProcessor reviewer(long tenantId) {
		return staff(tenantId, "REVIEWER");
	}

	public static RequestPostProcessor operator() {
		return staff(null, "OPERATOR");
	}

	static RequestPostProcessor staff(Long tenantId, String role) {
		Principal principal = new Principal("test-" + role.toLowerCase() + "-" + tenantId, tenantId);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_STAFF"), new SimpleGrantedAuthority("ROLE_" + role))));
	}

	record Principal(String name,
			Long tenantId) implements TenantScopedPrincipal, java.security.Principal, Serializable {

		@Override
		public String getName() {
			return name;
		}

	}

}
