package jp.kennin.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * What the member may change on their form: everything, unless staff returned it (差し戻し);
 * then only the dependents named in the reasons (answers and documents, or only the
 * documents for a reason about a document), until the correction deadline. A return
 * recorded without parts (before parts were kept) opens the whole form, as it used to.
 *
 * @param returned the form is 差し戻し
 * @param partial only the parts below are open (the return named them)
 * @param answerDependents dependents whose answers (and documents) are open
 * @param documentDependents dependents whose documents only are open
 * @param deadline the correction deadline, or null
 */
public record CorrectionScope(boolean returned, boolean partial, Set<Long> answerDependents,
		Set<Long> documentDependents, Instant deadline) {

	/** Not returned: nothing is locked by a correction. */
	public static final CorrectionScope NONE = new CorrectionScope(false, false, Set.of(), Set.of(), null);

	public CorrectionScope {
		answerDependents = Set.copyOf(answerDependents);
		documentDependents = Set.copyOf(documentDependents);
	}

	public boolean answersOpen(long dependentId) {
		return !partial || answerDependents.contains(dependentId);
	}

	public boolean documentsOpen(long dependentId) {
		return !partial || answerDependents.contains(dependentId) || documentDependents.contains(dependentId);
	}

	/** The household section is never part of a return. */
	public boolean householdOpen() {
		return !partial;
	}

	/** The correction deadline passed: the member can no longer change or resubmit. */
	public boolean expired(Clock clock) {
		return returned && deadline != null && clock.instant().isAfter(deadline);
	}

}
