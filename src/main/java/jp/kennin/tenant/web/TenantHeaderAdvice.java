package jp.kennin.tenant.web;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the insurer of the current visitor, once known, into every page model as {@code headerTenant}.
 */
@ControllerAdvice
class TenantHeaderAdvice {

	private final Tenants tenants;

	TenantHeaderAdvice(Tenants tenants) {
		this.tenants = tenants;
	}

	@ModelAttribute("headerTenant")
	Tenant headerTenant(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof TenantScopedPrincipal principal
				&& principal.tenantId() != null) {
			return tenants.findById(principal.tenantId()).orElse(null);
		}
		if (request.getAttribute(TenantScopedPrincipal.TENANT_CODE_ATTRIBUTE) instanceof String code) {
			return tenants.findByCode(code).orElse(null);
		}
		return null;
	}

}
