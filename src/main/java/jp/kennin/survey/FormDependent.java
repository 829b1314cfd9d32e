package jp.kennin.survey;

import java.time.LocalDate;

import jp.kennin.roster.RelationshipCategory;

/**
 * A dependent under survey as the roster showed them when the campaign opened (read-only
 * for members).
 */
public record FormDependent(long id, long surveyFormId, long rosterPersonId, String edaban, String name,
		String nameKana, LocalDate birthDate, String relationship, RelationshipCategory relationshipCategory,
		Boolean livingTogether) {
}
