package jp.kennin.platform;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves each Surefire execution really runs on the database it claims, with every
 * migration applied.
 */
@KenninIntegrationTest
class ConnectedDatabaseIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void runs_on_the_database_this_test_run_selected() throws Exception {
		try (var connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			assertThat(product).isEqualTo(TestPostgres.selected() ? "PostgreSQL" : "H2");
		}
	}

	@Test
	void all_migrations_are_applied() {
		Integer failed = jdbc.sql("select count(*) from flyway_schema_history where success = false")
			.query(Integer.class)
			.single();
		assertThat(failed).isZero();
		assertThat(jdbc.sql("select count(*) from flyway_schema_history").query(Integer.class).single())
			.isGreaterThanOrEqualTo(5);
	}

}
