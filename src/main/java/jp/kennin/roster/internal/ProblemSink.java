package jp.kennin.roster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Problem;

/**
 * Collects problems; keeps the first {@link ImportResult#MAX_REPORTED_ERRORS} and counts
 * them all.
 */
final class ProblemSink {

	private final List<Problem> problems = new ArrayList<>();

	private int total;

	/**
	 * A problem named by its {@code roster.problem.*} code; its text is made only if it
	 * is kept.
	 */
	void add(Integer line, String column, String code, Object... args) {
		total++;
		if (problems.size() < ImportResult.MAX_REPORTED_ERRORS) {
			problems.add(RosterTexts.problem(line, column, code, args));
		}
	}

	int total() {
		return total;
	}

	boolean isEmpty() {
		return total == 0;
	}

	/** By line, file-level problems first; problems of one line in column order. */
	List<Problem> problems() {
		List<Problem> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparing(Problem::line, Comparator.nullsFirst(Integer::compare)));
		return sorted;
	}

}
