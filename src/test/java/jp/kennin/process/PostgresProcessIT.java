package jp.kennin.process;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar on PostgreSQL, in a schema of its own: the production start-up checks,
 * and {@code import-roster} against the production database (which it migrates on its
 * first run, like the server).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresProcessIT {

	static final String SECRET_KEY = "process-test-secret-key-0123456789abcdef";

	static final String TENANT = "pgcli";

	@TempDir
	static Path folder;

	ProcessPostgres pg;

	/** The first command on the new schema: it migrates it, then finds no insurer. */
	KenninJar.Running firstRun;

	@BeforeAll
	void migrateAndCreateTheInsurer() throws Exception {
		pg = ProcessPostgres.create();
		RosterFiles.write(folder, "roster.csv", RosterFiles.VALID);
		firstRun = importRoster("pg-cli-unknown-tenant", "--tenant=" + TENANT, "--mode=snapshot", "roster.csv");
		// No page creates an insurer without an operator login; the test does what the
		// operator's page would.
		try (Connection c = pg.connect(); Statement s = c.createStatement()) {
			s.executeUpdate(
					"insert into tenant (code, name, mail_from_address, mail_from_name, created_at, updated_at) "
							+ "values ('" + TENANT + "', 'PG健康保険組合', 'pg@kenpo.example', 'PG健康保険組合', now(), now())");
		}
	}

	@AfterAll
	void dropSchema() {
		if (pg != null) {
			pg.close();
		}
	}

	@Test
	void without_a_secret_key_the_server_refuses_to_start_with_one_clear_message() {
		KenninJar.Running run = KenninJar.in(folder, "pg-no-secret-key")
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.args("--server.port=" + KenninJar.freePort())
			.run();
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("kennin.secret-key is not set.")
			.contains("Set KENNIN_SECRET_KEY to a random value of at least 32 bytes");
		assertNoStackTrace(run);
	}

	@Test
	void without_an_smtp_host_the_server_refuses_to_start_instead_of_opening_the_dev_mailbox() {
		KenninJar.Running run = KenninJar.in(folder, "pg-no-smtp")
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("KENNIN_SECRET_KEY", SECRET_KEY)
			.args("--server.port=" + KenninJar.freePort())
			.run();
		assertThat(run.exitCode()).as(run.output()).isNotZero();
		assertThat(run.output()).contains("No SMTP host is set (spring.mail.host)").contains("Set SPRING_MAIL_HOST");
		assertNoStackTrace(run);
	}

	@Test
	void an_unknown_insurer_exits_with_3() {
		assertThat(firstRun.exitCode()).as(firstRun.output()).isEqualTo(3);
		assertThat(firstRun.output()).contains("保険者指定コード " + TENANT + " の保険者がありません。");
	}

	@Test
	void import_roster_imports_a_file_and_prints_the_counts() throws Exception {
		RosterFiles.write(folder, "household.csv", RosterFiles.VALID.replace("77,p1", "78,q1"));
		KenninJar.Running run = importRoster("pg-cli-import", "--tenant=" + TENANT, "--mode=delta", "household.csv");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("取り込みました: 2行 / 追加 2件、更新 0件、変更なし 0件、無効化 0件")
			.as("no scheduled job (mail outbox, housekeeping) runs in the command")
			.doesNotContain("OutboxDispatcher");
		try (Connection c = pg.connect();
				PreparedStatement q = c.prepareStatement("select count(*) from roster_person p join tenant t on "
						+ "t.id = p.tenant_id where t.code = ? and p.kigo = '78' and p.bango = 'q1'")) {
			q.setString(1, TENANT);
			try (ResultSet rs = q.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(2);
			}
		}
	}

	@Test
	void a_file_with_errors_exits_with_1_and_prints_every_error_by_line() {
		RosterFiles.write(folder, "errors.csv", RosterFiles.WITH_ERRORS);
		KenninJar.Running run = importRoster("pg-cli-errors", "--tenant=" + TENANT, "--mode=delta", "errors.csv");
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("2行目 生年月日: 日付として読めません（1985/13/01）")
			.contains("3行目 本人家族区分: 同じ記号・番号（77-p3）の本人の行がファイルにありません")
			.contains("エラー 2 件。何も反映していません。");
	}

	@Test
	void an_unreadable_file_and_bad_arguments_exit_with_2() {
		KenninJar.Running missing = importRoster("pg-cli-missing-file", "--tenant=" + TENANT, "--mode=delta",
				"nothing.csv");
		assertThat(missing.exitCode()).as(missing.output()).isEqualTo(2);
		assertThat(missing.output()).contains("ファイルがありません: nothing.csv");

		KenninJar.Running usage = importRoster("pg-cli-usage", "--tenant=" + TENANT, "--mode=full", "roster.csv");
		assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
		assertThat(usage.output()).contains("usage: java -jar kennin.jar import-roster");
	}

	/**
	 * As an operator runs it on a production node: the same settings as the server, here
	 * without SMTP.
	 */
	private KenninJar.Running importRoster(String name, String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "import-roster";
		System.arraycopy(args, 0, command, 1, args.length);
		return KenninJar.in(folder, name)
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("KENNIN_SECRET_KEY", SECRET_KEY)
			.args(command)
			.run();
	}

	static void assertNoStackTrace(KenninJar.Running run) {
		assertThat(run.output()).as("no stack trace")
			.doesNotContainPattern("\\n\\s+at [\\w$.]+\\(")
			.doesNotContain("Exception");
	}

}
