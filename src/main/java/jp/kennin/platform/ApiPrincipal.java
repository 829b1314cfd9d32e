package jp.kennin.platform;

import java.util.Set;

/**
 * A machine client of {@code /api/**} (the insurer's core system), authenticated by a
 * tenant API token with a set of scopes. The roster module issues and checks the tokens;
 * other modules' API controllers receive this and let their application service check the
 * scope and the tenant.
 */
public interface ApiPrincipal extends TenantScopedPrincipal {

	/** Importing the roster ({@code POST /api/v1/roster/imports}). */
	String ROSTER_IMPORT = "roster:import";

	/**
	 * Reading a campaign's determinations ({@code GET
	 * /api/v1/campaigns/{id}/determinations}).
	 */
	String RESULTS_READ = "results:read";

	/** Every scope a token can have, in the order the token page lists them. */
	Set<String> SCOPES = Set.of(ROSTER_IMPORT, RESULTS_READ);

	long tokenId();

	Set<String> scopes();

	/** The audit log's actor ID of the client. */
	default String actorId() {
		return "api-token:" + tokenId();
	}

	default boolean has(String scope) {
		return scopes().contains(scope);
	}

}
