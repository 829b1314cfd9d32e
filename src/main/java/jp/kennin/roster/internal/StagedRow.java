package jp.kennin.roster.internal;

import java.time.LocalDate;

import jp.kennin.roster.RelationshipCategory;

/**
 * A valid roster row, normalised, as it goes into the staging table. {@code gender} is M,
 * F or null. The postal fields are null when empty (always on 家族 rows).
 */
record StagedRow(int line, String kigo, String bango, String edaban, boolean insured, String relationship,
		RelationshipCategory category, String name, String nameKana, String nameKanaKey, LocalDate birthDate,
		String gender, String email, String officeCode, String officeName, Boolean livingTogether,
		LocalDate qualifiedOn, String postalCode, String address1, String address2, String addressee) {
}
