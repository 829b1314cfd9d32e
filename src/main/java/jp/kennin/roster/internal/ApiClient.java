package jp.kennin.roster.internal;

import java.security.Principal;

import jp.kennin.platform.TenantScopedPrincipal;

/** A machine client authenticated by a tenant API token. */
public record ApiClient(long tokenId, Long tenantId) implements TenantScopedPrincipal, Principal {

	@Override
	public String getName() {
		return "api-token:" + tokenId;
	}

}
