package jp.kennin.document;

import java.io.Serializable;
import java.util.List;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.TenantScopedPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Stand-ins for the account and staff modules' principals: anything implementing the
 * platform interfaces must work with the document endpoints.
 */
final class TestPrincipals {

	private TestPrincipals() {
	}

	record Member(Long tenantId, String kigo, String bango) implements HouseholdScopedPrincipal, Serializable {
	}

	record Staff(Long tenantId, String loginId) implements TenantScopedPrincipal {

		@Override
		public String toString() {
			return loginId;
		}

	}

	static Authentication member(long tenantId, String kigo, String bango) {
		return new UsernamePasswordAuthenticationToken(new Member(tenantId, kigo, bango), null,
				AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
	}

	static Authentication staff(Long tenantId, String loginId, String role) {
		return new UsernamePasswordAuthenticationToken(new Staff(tenantId, loginId), null,
				AuthorityUtils.createAuthorityList(List.of("ROLE_STAFF", "ROLE_" + role).toArray(String[]::new)));
	}

}
