package jp.kennin.roster.internal;

import java.security.Principal;
import java.util.Set;

import jp.kennin.platform.ApiPrincipal;

/** A machine client authenticated by a tenant API token, with the token's scopes. */
public record ApiClient(long tokenId, Long tenantId, Set<String> scopes) implements ApiPrincipal, Principal {

	public ApiClient {
		scopes = Set.copyOf(scopes);
	}

	@Override
	public String getName() {
		return actorId();
	}

}
