package jp.kennin.test;

import java.io.Serializable;
import java.util.List;

import jp.kennin.platform.HouseholdScopedPrincipal;
import jp.kennin.platform.MemberAccountPrincipal;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * A logged-in member of a household for MockMvc requests, without going through sign-up
 * and login (tested on their own).
 */
public final class TestMember {

	private TestMember() {
	}

	public static RequestPostProcessor of(long tenantId, String kigo, String bango) {
		Principal principal = new Principal("member-" + tenantId + "-" + kigo + "-" + bango, tenantId, kigo, bango);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
	}

	/**
	 * The same with the member account's id, for pages that keep per-account data (the
	 * subsidy's claims and bank account).
	 */
	public static RequestPostProcessor account(long tenantId, String kigo, String bango, long accountId) {
		AccountPrincipal principal = new AccountPrincipal("member-" + tenantId + "-" + kigo + "-" + bango, tenantId,
				kigo, bango, accountId);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_MEMBER"))));
	}

	record AccountPrincipal(String name, Long tenantId, String kigo, String bango,
			long accountId) implements MemberAccountPrincipal, java.security.Principal, Serializable {

		@Override
		public String getName() {
			return name;
		}

	}

	record Principal(String name, Long tenantId, String kigo,
			String bango) implements HouseholdScopedPrincipal, java.security.Principal, Serializable {

		@Override
		public String getName() {
			return name;
		}

	}

}
