package jp.kennin.survey.web;

import jp.kennin.platform.TenantScopedPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The tenant a staff request acts for, and whether the staff member may change campaigns.
 * Operators have no tenant and run no campaigns.
 */
record StaffTenant(long tenantId, boolean admin) {

	static StaffTenant of(Authentication auth) {
		if (auth == null || !(auth.getPrincipal() instanceof TenantScopedPrincipal p) || p.tenantId() == null) {
			throw new AccessDeniedException("campaigns belong to an insurer's staff");
		}
		boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_TENANT_ADMIN"));
		return new StaffTenant(p.tenantId(), admin);
	}

	StaffTenant requireAdmin() {
		if (!admin) {
			throw new AccessDeniedException("only the insurer's administrators change campaigns");
		}
		return this;
	}

}
