package jp.kennin.tenant.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.TenantPages.Kind;
import jp.kennin.tenant.Tenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
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

	private static final Logger log = LoggerFactory.getLogger(TenantHeaderAdvice.class);

	private final Tenants tenants;

	private final TenantPages pages;

	/**
	 * The insurers seen lately, by id: an error page rendered while the database is down
	 * still names the insurer it knows of without a query (one small entry per insurer).
	 */
	private final Map<Long, Tenant> lastKnown = new ConcurrentHashMap<>();

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
		Tenant tenant;
		try {
			tenant = resolve(request);
		}
		catch (DataAccessException ex) {
			if (!errorPage(request)) {
				throw ex;
			}
			// The error page must render without the database (often the reason for it).
			log.debug("Error page without the database: {}", ex.getMessage());
			tenant = lastKnownOf(request);
		}
		if (tenant != null) {
			request.setAttribute(RESOLVED, tenant);
			lastKnown.put(tenant.id(), tenant);
		}
		return tenant;
	}

	@ModelAttribute("memberPages")
	MemberPages memberPages(HttpServletRequest request) {
		Tenant tenant = headerTenant(request);
		if (tenant == null || request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
			return MemberPages.NONE;
		}
		if (errorPage(request)) {
			// Error pages need no manual link, and must not need the database.
			return MemberPages.NONE;
		}
		var written = pages.written(tenant.id());
		String base = "/tenants/" + tenant.code();
		return new MemberPages(written.contains(Kind.MANUAL) ? base + "/manual" : null,
				written.contains(Kind.FAQ) ? base + "/faq" : null);
	}

	private static boolean errorPage(HttpServletRequest request) {
		return request.getDispatcherType() == DispatcherType.ERROR;
	}

	private Tenant lastKnownOf(HttpServletRequest request) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof TenantScopedPrincipal principal
				&& principal.tenantId() != null) {
			return lastKnown.get(principal.tenantId());
		}
		if (request.getAttribute(TenantScopedPrincipal.TENANT_CODE_ATTRIBUTE) instanceof String code) {
			return lastKnown.values().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
		}
		return null;
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
