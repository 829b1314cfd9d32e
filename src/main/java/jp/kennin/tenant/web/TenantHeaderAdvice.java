package jp.kennin.tenant.web;

import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.TenantPages.Kind;
import jp.kennin.tenant.Tenants;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the insurer of the current visitor, once known, into every page model as
 * {@code headerTenant}, and, outside the staff area, the links to its manual and FAQ as
 * {@code memberPages} (for the footer and the member home page's menu).
 */
@ControllerAdvice
class TenantHeaderAdvice {

	private static final String RESOLVED = TenantHeaderAdvice.class.getName() + ".tenant";

	private final Tenants tenants;

	private final TenantPages pages;

	TenantHeaderAdvice(Tenants tenants, TenantPages pages) {
		this.tenants = tenants;
		this.pages = pages;
	}

	/**
	 * Links to the insurer's written pages; a null link is a page with nothing in it yet.
	 */
	record MemberPages(String manual, String faq) {

		static final MemberPages NONE = new MemberPages(null, null);

		public boolean any() {
			return manual != null || faq != null;
		}

	}

	@ModelAttribute("headerTenant")
	Tenant headerTenant(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Tenant known) {
			return known;
		}
		Tenant tenant = resolve(request);
		if (tenant != null) {
			request.setAttribute(RESOLVED, tenant);
		}
		return tenant;
	}

	@ModelAttribute("memberPages")
	MemberPages memberPages(HttpServletRequest request) {
		Tenant tenant = headerTenant(request);
		if (tenant == null || request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
			return MemberPages.NONE;
		}
		var written = pages.written(tenant.id());
		String base = "/tenants/" + tenant.code();
		return new MemberPages(written.contains(Kind.MANUAL) ? base + "/manual" : null,
				written.contains(Kind.FAQ) ? base + "/faq" : null);
	}

	private Tenant resolve(HttpServletRequest request) {
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
