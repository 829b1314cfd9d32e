package jp.kennin.document.web;

import java.util.Optional;

import jp.kennin.document.DocumentOwner;
import jp.kennin.platform.HouseholdScopedPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/**
 * The household the logged-in member acts for; anything else sees nothing (404, never
 * 403).
 */
final class MemberOwners {

	private MemberOwners() {
	}

	static Optional<DocumentOwner> of(Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof HouseholdScopedPrincipal member
				&& member.tenantId() != null) {
			return Optional.of(new DocumentOwner(member.tenantId(), member.kigo(), member.bango()));
		}
		return Optional.empty();
	}

	static DocumentOwner require(Authentication authentication) {
		return of(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
