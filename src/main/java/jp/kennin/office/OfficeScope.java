package jp.kennin.office;

import java.util.Set;

/**
 * What an office contact may act on: one insurer and some of its offices (事業所コード, never
 * empty), checked by {@link OfficeContactViews#scope}. The office pages list only these
 * offices; a reminder or a letter batch for an office contact must be filtered to them
 * too.
 */
public record OfficeScope(long tenantId, String loginId, Set<String> offices) {

	public OfficeScope {
		offices = Set.copyOf(offices);
		if (offices.isEmpty()) {
			throw new IllegalArgumentException("an office scope has offices");
		}
	}

}
