package jp.kennin.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a member changed on a returned form compared with the submission staff returned:
 * the review screen marks these 「変更あり」 for a 再提出.
 *
 * @param returned the form was returned at least once and the earlier submission is known
 * @param previousReceipt the 受付番号 of the submission that was returned
 * @param before the answers of that submission, by dependent ID
 * @param after the answers now, by dependent ID
 * @param answers the changed answers, dependent by dependent, in question order
 * @param documents documents added since the return
 */
public record SurveyChanges(boolean returned, String previousReceipt, Map<Long, DependentAnswers> before,
		Map<Long, DependentAnswers> after, List<Change> answers, List<AddedDocument> documents) {

	public static final SurveyChanges NONE = new SurveyChanges(false, null, Map.of(), Map.of(), List.of(), List.of());

	public boolean any() {
		return !answers.isEmpty() || !documents.isEmpty();
	}

	/** The dependent has a changed answer or an added document. */
	public boolean changed(long dependentId) {
		return answers.stream().anyMatch(c -> c.dependentId() == dependentId)
				|| documents.stream().anyMatch(d -> d.dependentId() != null && d.dependentId() == dependentId);
	}

	/** The changed answers of one dependent. */
	public List<Change> answersOf(long dependentId) {
		return answers.stream().filter(c -> c.dependentId() == dependentId).toList();
	}

	public DependentAnswers before(long dependentId) {
		return before.getOrDefault(dependentId, DependentAnswers.empty(dependentId));
	}

	public DependentAnswers after(long dependentId) {
		return after.getOrDefault(dependentId, DependentAnswers.empty(dependentId));
	}

	/** One question whose answer differs (by its key, e.g. {@code incomeSalary}). */
	public record Change(long dependentId, SurveyQuestion question) {

		public String key() {
			return question.key();
		}

	}

	/** A document uploaded after the return, for a dependent (null: the household). */
	public record AddedDocument(long documentId, Long dependentId, Instant at) {
	}

}
