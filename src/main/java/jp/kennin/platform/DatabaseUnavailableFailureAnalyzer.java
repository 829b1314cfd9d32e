package jp.kennin.platform;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "cannot reach the database" into one line saying which setting to fix. Other SQL
 * errors (a failed migration, say) are left to Spring Boot's own analysers.
 */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = cause.getSQLState();
		boolean connectionProblem = state != null && (state.startsWith("08") || state.equals("28P01")
				|| state.equals("3D000") || state.equals("90020") || state.equals("HY000"));
		if (!connectionProblem) {
			return null;
		}
		return new FailureAnalysis("データベースに接続できません / Cannot connect to the database: " + cause.getMessage(),
				"Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that the "
						+ "database server is running. With the embedded H2 database, make sure no other Kennin "
						+ "process uses the same KENNIN_DATA_DIR.",
				cause);
	}

}
