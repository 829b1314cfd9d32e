package jp.kennin.survey;

import java.time.LocalDate;
import java.util.Set;

import jp.kennin.roster.RelationshipCategory;

/**
 * Which dependents a campaign surveys.
 *
 * @param ageOn the date on which ages are counted; null means no age rule
 * @param ageMin lowest age (inclusive) on {@code ageOn}, or null
 * @param ageMax highest age (inclusive) on {@code ageOn}, or null
 * @param categories relationship categories included (never empty)
 * @param recognizedUntil dependents recognised (資格取得日) after this date are excluded;
 * null: no rule
 */
public record TargetRules(LocalDate ageOn, Integer ageMin, Integer ageMax, Set<RelationshipCategory> categories,
		LocalDate recognizedUntil) {

	public TargetRules {
		categories = Set.copyOf(categories);
	}

	/**
	 * Latest birth date that still has at least {@code ageMin} years on {@code ageOn}.
	 */
	public LocalDate bornOnOrBefore() {
		return ageOn == null || ageMin == null ? null : ageOn.minusYears(ageMin);
	}

	/**
	 * Birth dates must be after this to have at most {@code ageMax} years on
	 * {@code ageOn}.
	 */
	public LocalDate bornAfter() {
		return ageOn == null || ageMax == null ? null : ageOn.minusYears(ageMax + 1L);
	}

}
