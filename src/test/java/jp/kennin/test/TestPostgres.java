package jp.kennin.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The local PostgreSQL the integration tests run against when
 * {@code kennin.test.db=postgres}. Each test JVM works in a schema of its own (dropped at
 * exit), so parallel runs on one server do not collide.
 */
public final class TestPostgres {

	public static final String URL = env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String USER = env("KENNIN_TEST_POSTGRES_USER", "postgres");

	public static final String PASSWORD = env("KENNIN_TEST_POSTGRES_PASSWORD", "");

	public static final String SCHEMA = "kt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static volatile boolean schemaCreated;

	private TestPostgres() {
	}

	public static boolean selected() {
		return "postgres".equals(System.getProperty("kennin.test.db"));
	}

	/**
	 * {@code KENNIN_TEST_POSTGRES=required} turns an unreachable server into a failure
	 * instead of a skip.
	 */
	public static boolean required() {
		return "required".equalsIgnoreCase(env("KENNIN_TEST_POSTGRES", "optional"));
	}

	public static boolean reachable() {
		try (Connection ignored = connect()) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(URL, USER, PASSWORD);
	}

	static synchronized String jdbcUrlWithSchema() {
		if (!schemaCreated) {
			try (Connection c = connect(); Statement s = c.createStatement()) {
				s.execute("create schema " + SCHEMA);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL at " + URL + " is required for this test run but cannot be "
						+ "used (" + ex.getMessage() + "). Start it with: pg_ctlcluster --skip-systemctl-redirect "
						+ "$(ls /etc/postgresql) main start", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropSchema));
			schemaCreated = true;
		}
		return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
	}

	/**
	 * A URL for a schema of its own, {@code suffix} appended to this JVM's schema name,
	 * for a test context that must not share tables with the others (dropped at exit).
	 */
	public static synchronized String jdbcUrlWithOwnSchema(String suffix) {
		String schema = SCHEMA + "_" + suffix;
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("create schema if not exists " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + URL + " cannot be used (" + ex.getMessage() + ")", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (Connection c = connect(); Statement s = c.createStatement()) {
				s.execute("drop schema if exists " + schema + " cascade");
			}
			catch (SQLException ignored) {
				// A leftover kt_ schema is harmless.
			}
		}));
		return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private static void dropSchema() {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
		}
		catch (SQLException ignored) {
			// The server may be gone at JVM exit; a leftover kt_ schema is harmless.
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
