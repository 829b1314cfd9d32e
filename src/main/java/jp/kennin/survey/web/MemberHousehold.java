package jp.kennin.survey.web;

import jp.kennin.platform.HouseholdScopedPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** The logged-in member's household, or 403 for anyone else. */
final class MemberHousehold {

	private MemberHousehold() {
	}

	static HouseholdScopedPrincipal of(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof HouseholdScopedPrincipal member) {
			return member;
		}
		throw new AccessDeniedException("survey forms belong to a member's household");
	}

}
