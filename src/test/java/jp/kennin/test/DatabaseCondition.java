package jp.kennin.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL run when no server is reachable, unless it is required (then the
 * context fails to start with a clear message, and the build fails).
 */
class DatabaseCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestPostgres.selected() || TestPostgres.required() || TestPostgres.reachable()) {
			return ConditionEvaluationResult.enabled("database available");
		}
		return ConditionEvaluationResult.disabled("PostgreSQL at " + TestPostgres.URL
				+ " is not reachable; set KENNIN_TEST_POSTGRES=required to fail instead of skipping");
	}

}
