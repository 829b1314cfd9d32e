package jp.kennin.document;

import java.util.List;

/**
 * An upload Kennin will not keep; {@link #problem()} says why, {@link #args()} fill the
 * message.
 */
public class DocumentRejectedException extends RuntimeException {

	private final DocumentProblem problem;

	private final List<Object> args;

	public DocumentRejectedException(DocumentProblem problem, Object... args) {
		super(problem.name());
		this.problem = problem;
		this.args = List.of(args);
	}

	public DocumentProblem problem() {
		return problem;
	}

	public Object[] args() {
		return args.toArray();
	}

	public String messageKey() {
		return problem.messageKey();
	}

}
