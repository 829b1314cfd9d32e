package jp.kennin.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;

/**
 * The staff member behind a request on {@code /admin/**}, as other modules see it: login ID, role name
 * (OPERATOR, TENANT_ADMIN, REVIEWER) and tenant (null for operators). Read from Spring Security's
 * {@link Authentication}, so modules need no dependency on the staff module.
 */
public record StaffActor(String loginId, String role, Long tenantId) {

	public static final String OPERATOR = "OPERATOR";

	public static final String TENANT_ADMIN = "TENANT_ADMIN";

	public static final String REVIEWER = "REVIEWER";

	/** Where the staff filter chain keeps its security context in the session, apart from a member login's. */
	public static final String SESSION_CONTEXT_KEY = "KENNIN_STAFF_SECURITY_CONTEXT";

	public static StaffActor of(Authentication auth) {
		if (auth == null) {
			throw new IllegalStateException("no staff member logged in");
		}
		String role = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.equals("ROLE_" + OPERATOR) || a.equals("ROLE_" + TENANT_ADMIN) || a.equals("ROLE_" + REVIEWER))
			.map(a -> a.substring(5))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("not a staff member"));
		Long tenantId = auth.getPrincipal() instanceof TenantScopedPrincipal p ? p.tenantId() : null;
		return new StaffActor(auth.getName(), role, tenantId);
	}

	/**
	 * The staff member logged in to the request's session, for filters that run before Spring Security.
	 * Empty without a session or a staff login, and between the password and the authenticator code.
	 */
	public static Optional<StaffActor> ofSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object context = session == null ? null : session.getAttribute(SESSION_CONTEXT_KEY);
		if (!(context instanceof SecurityContext security) || security.getAuthentication() == null
				|| !security.getAuthentication().isAuthenticated()) {
			return Optional.empty();
		}
		try {
			return Optional.of(of(security.getAuthentication()));
		}
		catch (IllegalStateException ex) {
			return Optional.empty(); // password given, authenticator code not yet
		}
	}

	public boolean operator() {
		return OPERATOR.equals(role);
	}

	public boolean tenantAdmin() {
		return TENANT_ADMIN.equals(role);
	}

	/**
	 * Whether this staff member may see data of the given tenant: operators every tenant, everybody else
	 * only their own.
	 */
	public boolean canSee(long tenant) {
		return operator() || (tenantId != null && tenantId == tenant);
	}

}
