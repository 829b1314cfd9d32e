package jp.kennin.platform;

/**
 * A logged-in member or insurer staff member belongs to one tenant. Operators do not
 * ({@link #tenantId()} is null). The layout uses this to show the insurer's name in the
 * header.
 */
public interface TenantScopedPrincipal {

	/**
	 * Request attribute holding a tenant code for pages seen before login (for example
	 * the sign-up page reached through an insurer's link), so the header can name the
	 * insurer there too.
	 */
	String TENANT_CODE_ATTRIBUTE = "kennin.tenantCode";

	Long tenantId();

}
