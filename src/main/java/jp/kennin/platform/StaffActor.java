package jp.kennin.platform;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;

/**
 * The staff member behind a request on {@code /admin/**}, as other modules see it: login
 * ID, role name (OPERATOR, TENANT_ADMIN, REVIEWER), tenant (null for operators), the
 * account's version at login and the client IP. Built once per request from Spring
 * Security's {@link Authentication} (a controller simply declares a {@code StaffActor}
 * parameter, see {@link StaffActorResolver}), so modules need no dependency on the staff
 * module. Application services check it with one shape: {@link #require} for the role and
 * {@link #requireTenant} for the insurer scope; controllers never check roles themselves.
 *
 * @param accountVersion the staff account's version at login, 0 when not known (tests,
 * old sessions)
 * @param ip the client address for the audit record, null outside a request
 */
public record StaffActor(String loginId, String role, Long tenantId, long accountVersion, String ip) {

	public static final String OPERATOR = "OPERATOR";

	public static final String TENANT_ADMIN = "TENANT_ADMIN";

	public static final String REVIEWER = "REVIEWER";

	/**
	 * 事業所担当者: an insurer's staff member bound to some of its offices. Deliberately
	 * without {@link #ANY_STAFF}, so the staff chain refuses them every URL not opened to
	 * them by name, and {@link #requireTenant} refuses them every service that does not
	 * check the office scope.
	 */
	public static final String OFFICE_CONTACT = "OFFICE_CONTACT";

	/**
	 * Held by every staff member past the second factor except office contacts: what the
	 * staff chain asks.
	 */
	public static final String ANY_STAFF = "STAFF";

	/**
	 * The Spring Security authority prefix of the roles above (authority
	 * {@code ROLE_OPERATOR} and so on).
	 */
	public static final String ROLE_PREFIX = "ROLE_";

	/** Written to {@code audit_event.actor_kind} for every staff action. */
	public static final String KIND = "STAFF";

	/**
	 * Where the staff filter chain keeps its security context in the session, apart from
	 * a member login's.
	 */
	public static final String SESSION_CONTEXT_KEY = "KENNIN_STAFF_SECURITY_CONTEXT";

	public StaffActor(String loginId, String role, Long tenantId) {
		this(loginId, role, tenantId, 0, null);
	}

	public static StaffActor of(Authentication auth) {
		return of(auth, null);
	}

	/**
	 * @throws IllegalStateException without a staff login (no staff role)
	 */
	public static StaffActor of(Authentication auth, String ip) {
		if (auth == null) {
			throw new IllegalStateException("no staff member logged in");
		}
		String role = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.equals(ROLE_PREFIX + OPERATOR) || a.equals(ROLE_PREFIX + TENANT_ADMIN)
					|| a.equals(ROLE_PREFIX + REVIEWER) || a.equals(ROLE_PREFIX + OFFICE_CONTACT))
			.map(a -> a.substring(ROLE_PREFIX.length()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("not a staff member"));
		Object principal = auth.getPrincipal();
		Long tenantId = principal instanceof TenantScopedPrincipal p ? p.tenantId() : null;
		long version = principal instanceof VersionedPrincipal v ? v.accountVersion() : 0;
		return new StaffActor(auth.getName(), role, tenantId, version, ip);
	}

	/**
	 * The staff member logged in to the request's session, for filters that run before
	 * Spring Security. Empty without a session or a staff login, and between the password
	 * and the authenticator code.
	 */
	public static Optional<StaffActor> ofSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object context = session == null ? null : session.getAttribute(SESSION_CONTEXT_KEY);
		if (!(context instanceof SecurityContext security) || security.getAuthentication() == null
				|| !security.getAuthentication().isAuthenticated()) {
			return Optional.empty();
		}
		try {
			return Optional.of(of(security.getAuthentication(), request.getRemoteAddr()));
		}
		catch (IllegalStateException ex) {
			return Optional.empty(); // password given, authenticator code not yet
		}
	}

	/**
	 * The one authorisation check of the application services.
	 * @return this actor, for chaining
	 * @throws AccessDeniedException (403) unless the actor holds one of {@code roles}
	 */
	public StaffActor require(String... roles) {
		if (!has(roles)) {
			throw new AccessDeniedException(loginId + " (" + role + ") is not one of " + Arrays.toString(roles));
		}
		return this;
	}

	/**
	 * The insurer the actor works for.
	 * @throws AccessDeniedException (403) for operators, who belong to no insurer, and
	 * for office contacts, who see only their offices: a service that serves them checks
	 * that scope with {@link #requireOfficeContact} instead (deny by default)
	 */
	public long requireTenant() {
		if (tenantId == null) {
			throw new AccessDeniedException("only an insurer's staff act for an insurer");
		}
		if (officeContact()) {
			throw new AccessDeniedException(loginId + " is an office contact, limited to their offices");
		}
		return tenantId;
	}

	/**
	 * The insurer of an office contact, for the services that serve them and then narrow
	 * to their offices.
	 * @throws AccessDeniedException (403) for every other role
	 */
	public long requireOfficeContact() {
		if (!officeContact() || tenantId == null) {
			throw new AccessDeniedException(loginId + " (" + role + ") is not an office contact");
		}
		return tenantId;
	}

	/**
	 * Whether the actor holds one of {@code roles}; for services deciding what to offer.
	 */
	public boolean has(String... roles) {
		return Arrays.asList(roles).contains(role);
	}

	public boolean operator() {
		return OPERATOR.equals(role);
	}

	public boolean tenantAdmin() {
		return TENANT_ADMIN.equals(role);
	}

	public boolean officeContact() {
		return OFFICE_CONTACT.equals(role);
	}

	/**
	 * Whether this staff member may see data of the given tenant: operators every tenant,
	 * office contacts none as a whole (only their offices, through their own service),
	 * everybody else only their own.
	 */
	public boolean canSee(long tenant) {
		return operator() || (!officeContact() && tenantId != null && tenantId == tenant);
	}

}
