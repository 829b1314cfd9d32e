package jp.kennin.platform;

/**
 * A misconfiguration found at start-up. {@link StartupProblemFailureAnalyzer} prints it
 * as one clear instruction instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

	private final String action;

	public StartupProblem(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
