package jp.kennin.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import jp.kennin.test.TestPostgres;

/**
 * A schema of its own on the test PostgreSQL (the one the integration tests use, see
 * {@link TestPostgres}) for one process test class, dropped when the class is done.
 * Without a reachable server the class is skipped, unless
 * {@code KENNIN_TEST_POSTGRES=required}: then it fails.
 */
final class ProcessPostgres implements AutoCloseable {

	final String schema = "kp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private ProcessPostgres() {
	}

	static ProcessPostgres create() {
		if (!TestPostgres.required()) {
			Assumptions.assumeTrue(TestPostgres.reachable(), "PostgreSQL at " + TestPostgres.URL
					+ " is not reachable; set KENNIN_TEST_POSTGRES=required to fail instead of skipping");
		}
		ProcessPostgres pg = new ProcessPostgres();
		pg.execute("create schema " + pg.schema);
		return pg;
	}

	/**
	 * {@code SPRING_DATASOURCE_URL} for the jar: the test database with this schema as
	 * the current one.
	 */
	String url() {
		return TestPostgres.URL + (TestPostgres.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	Connection connect() throws SQLException {
		Connection c = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
		try (Statement s = c.createStatement()) {
			s.execute("set search_path to " + schema);
		}
		return c;
	}

	void execute(String sql) {
		try (Connection c = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, TestPostgres.PASSWORD);
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + TestPostgres.URL + " cannot be used (" + ex.getMessage()
					+ "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", ex);
		}
	}

	@Override
	public void close() {
		execute("drop schema if exists " + schema + " cascade");
	}

}
