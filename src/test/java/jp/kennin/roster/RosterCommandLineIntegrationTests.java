package jp.kennin.roster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@KenninIntegrationTest
class RosterCommandLineIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@TempDir
	Path dir;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void a_valid_file_is_imported_with_exit_code_0_and_the_counts_printed() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "CLI健保");
		Path file = write(RosterCsv.create().insured("01", "c1", "山田 太郎", "ヤマダ タロウ", "S50.01.01").windows31j());
		assertThat(run("import-roster", "--tenant=" + tenant.code(), "--mode=snapshot", file.toString())).isZero();
		assertThat(out()).contains("取り込みました: 1行 / 追加 1件、更新 0件、変更なし 0件、無効化 0件");
		assertThat(roster.findInsured(tenant.id(), "01", "c1")).isPresent();
	}

	@Test
	void a_file_with_errors_exits_with_1_and_prints_every_error() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "CLI健保");
		Path file = write(RosterCsv.create()
			.insured("01", "c1", "山田 太郎", "ヤマダ タロウ", "1985/13/01")
			.family("01", "c2", "01", "妻", "山田 花子", "ヤマダ ハナコ", "1990/01/01")
			.utf8());
		assertThat(run("import-roster", "--tenant=" + tenant.code(), "--mode=delta", file.toString())).isEqualTo(1);
		assertThat(err()).contains("2行目 生年月日: 日付として読めません（1985/13/01）")
			.contains("3行目 本人家族区分: 同じ記号・番号（01-c2）の本人の行がファイルにありません")
			.contains("エラー 2 件。何も反映していません。");
		assertThat(roster.findInsured(tenant.id(), "01", "c1")).isEmpty();
	}

	@Test
	void wrong_arguments_a_missing_file_and_an_unknown_tenant_have_their_own_exit_codes() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "CLI健保");
		Path file = write(RosterCsv.create().insured("01", "c1", "山田 太郎", "ヤマダ タロウ", "1980/01/01").utf8());
		assertThat(run("import-roster", "--tenant=" + tenant.code(), file.toString())).isEqualTo(2);
		assertThat(err()).contains("usage: java -jar kennin.jar import-roster");
		assertThat(run("import-roster", "--tenant=" + tenant.code(), "--mode=full", file.toString())).isEqualTo(2);
		assertThat(run("import-roster", "--tenant=" + tenant.code(), "--mode=delta",
				dir.resolve("nothing.csv").toString()))
			.isEqualTo(2);
		assertThat(run("import-roster", "--tenant=nosuchtenant", "--mode=delta", file.toString())).isEqualTo(3);
		assertThat(err()).contains("保険者指定コード nosuchtenant の保険者がありません。");
		assertThat(roster.findInsured(tenant.id(), "01", "c1")).isEmpty();
	}

	@Test
	void a_dry_run_validates_without_applying() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "CLI健保");
		Path file = write(RosterCsv.create().insured("01", "c1", "山田 太郎", "ヤマダ タロウ", "1980/01/01").utf8());
		assertThat(run("import-roster", "--tenant=" + tenant.code(), "--mode=delta", "--dry-run", file.toString()))
			.isZero();
		assertThat(out()).contains("確認のみ（反映していません）: 1行 / 追加 1件");
		assertThat(roster.findInsured(tenant.id(), "01", "c1")).isEmpty();
	}

	private int run(String... args) {
		return RosterCommandLine.execute(args, context, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private Path write(byte[] content) throws Exception {
		return Files.write(Files.createTempFile(dir, "roster", ".csv"), content);
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

}
