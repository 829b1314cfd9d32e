package jp.kennin.process;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first steps, with the packaged jar in an empty folder:
 * {@code java -jar kennin.jar} starts on the embedded defaults (H2 in ./data, demo data,
 * captured mail), then, with the server stopped, the operator imports a roster into the
 * demo insurer with {@code java -jar kennin.jar import-roster …}. One server start serves
 * the first tests; the command-line tests run after it has stopped, on the database it
 * left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedSetupProcessIT {

	@TempDir
	static Path folder;

	final int port = KenninJar.freePort();

	KenninJar.Running server;

	@BeforeAll
	void startInAnEmptyFolder() throws Exception {
		assertThat(Files.list(folder)).isEmpty();
		server = KenninJar.in(folder, "embedded-first-start").args("--server.port=" + port).start();
		server.awaitOutput("==================== Kennin demo ====================", KenninJar.START_TIMEOUT)
			.awaitOutput(" Dev mailbox    : /dev/mail", KenninJar.START_TIMEOUT);
	}

	@AfterAll
	void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	@Order(1)
	void the_first_start_prints_the_demo_logins_and_serves_the_login_page() {
		assertThat(server.output()).contains(" Member sign-up : /signup  (保険者指定コード: demo")
			.contains("   operator     : demo-operator / Kennin-demo-2026!")
			.contains("   insurer admin: demo-admin / Kennin-demo-2026!")
			.contains("   reviewer     : demo-reviewer / Kennin-demo-2026!");
		HttpResponse<String> login = KenninJar.get(url("/login"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("ログイン");
		assertThat(folder.resolve("data/db")).isDirectory();
	}

	@Test
	@Order(2)
	void the_embedded_demo_setup_shows_captured_mail_and_says_so_loudly() {
		assertThat(KenninJar.get(url("/dev/mail")).statusCode()).isEqualTo(200);
		assertThat(server.output()).containsPattern("WARN .*Mail is not sent.*/dev/mail");
	}

	@Test
	@Order(10)
	void import_roster_imports_a_file_into_the_demo_insurer_and_prints_the_counts() {
		stopServer();
		RosterFiles.write(folder, "roster.csv", RosterFiles.VALID);
		KenninJar.Running run = importRoster("cli-import", "--tenant=demo", "--mode=delta", "roster.csv");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("取り込みました: 2行 / 追加 2件、更新 0件、変更なし 0件、無効化 0件");

		KenninJar.Running again = importRoster("cli-check-again", "--tenant=demo", "--mode=delta", "--dry-run",
				"roster.csv");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("確認のみ（反映していません）: 2行 / 追加 0件、更新 0件、変更なし 2件");
	}

	@Test
	@Order(11)
	void a_file_with_errors_exits_with_1_and_prints_every_error_by_line() {
		stopServer();
		RosterFiles.write(folder, "errors.csv", RosterFiles.WITH_ERRORS);
		KenninJar.Running run = importRoster("cli-errors", "--tenant=demo", "--mode=delta", "errors.csv");
		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("2行目 生年月日: 日付として読めません（1985/13/01）")
			.contains("3行目 本人家族区分: 同じ記号・番号（77-p3）の本人の行がファイルにありません")
			.contains("エラー 2 件。何も反映していません。");
	}

	@Test
	@Order(12)
	void in_a_folder_without_a_database_the_command_creates_no_demo_insurer_and_exits_with_3(@TempDir Path empty) {
		RosterFiles.write(empty, "roster.csv", RosterFiles.VALID);
		KenninJar.Running run = KenninJar.in(empty, "cli-unknown-tenant")
			.args("import-roster", "--tenant=demo", "--mode=delta", "roster.csv")
			.run();
		assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
		assertThat(run.output()).contains("保険者指定コード demo の保険者がありません。");
	}

	@Test
	@Order(13)
	void bad_arguments_and_a_missing_file_exit_with_2() {
		stopServer();
		KenninJar.Running usage = importRoster("cli-usage", "--tenant=demo", "roster.csv");
		assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
		assertThat(usage.output()).contains("usage: java -jar kennin.jar import-roster --tenant=CODE");

		KenninJar.Running missing = importRoster("cli-missing-file", "--tenant=demo", "--mode=delta", "nothing.csv");
		assertThat(missing.exitCode()).as(missing.output()).isEqualTo(2);
		assertThat(missing.output()).contains("ファイルがありません: nothing.csv");
	}

	private KenninJar.Running importRoster(String name, String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "import-roster";
		System.arraycopy(args, 0, command, 1, args.length);
		return KenninJar.in(folder, name).args(command).run();
	}

	/**
	 * The embedded database belongs to one process at a time; the operator stops the
	 * server first.
	 */
	private void stopServer() {
		server.close();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
