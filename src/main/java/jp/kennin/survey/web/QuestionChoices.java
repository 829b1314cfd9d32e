package jp.kennin.survey.web;

import java.util.Map;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;
import jp.kennin.survey.DependentAnswers;

/**
 * The choices of the hand-laid question pages (templates may not reach static classes):
 * one list for the member's pages and the staff proxy input pages alike. Listed questions
 * take theirs from their description.
 */
final class QuestionChoices {

	private QuestionChoices() {
	}

	static Map<String, Object[]> all() {
		return Map.of("continuation", Continuation.values(), "removalReason", DependentAnswers.RemovalReason.values(),
				"living", Living.values(), "remittanceMethod", RemittanceMethod.values(), "occupations",
				Occupation.values(), "residence", DependentAnswers.Residence.values(), "abroadException",
				AbroadException.values());
	}

}
