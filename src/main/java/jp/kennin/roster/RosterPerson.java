package jp.kennin.roster;

import java.time.LocalDate;

/**
 * One person on the roster. {@code edaban} "00" is the insured person (本人); others are
 * dependents. {@code nameKana} is full-width katakana (see {@link KanaName}).
 */
public record RosterPerson(long id, long tenantId, String kigo, String bango, String edaban, boolean insured,
		String relationship, RelationshipCategory relationshipCategory, String name, String nameKana,
		LocalDate birthDate, Gender gender, String email, String officeCode, String officeName, Boolean livingTogether,
		LocalDate qualifiedOn, boolean active) {

	public static final String INSURED_EDABAN = "00";

	public enum Gender {

		MALE, FEMALE

	}

}
