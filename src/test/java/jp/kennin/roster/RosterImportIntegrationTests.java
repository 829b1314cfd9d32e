package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@KenninIntegrationTest
class RosterImportIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	Roster roster;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "取込健保");
	}

	@Test
	void utf8_with_bom_is_imported_and_counted() {
		ImportResult result = run(Mode.DELTA, household().utf8WithBom());
		assertThat(result.errors()).isEmpty();
		assertThat(result.applied()).isTrue();
		assertThat(result.counts()).isEqualTo(new Counts(3, 3, 0, 0, 0));
		RosterPerson taro = roster.findInsured(tenant.id(), "01", "t011").orElseThrow();
		assertThat(taro.name()).isEqualTo("髙橋 太郎");
		assertThat(taro.nameKana()).isEqualTo("タカハシ\u3000タロウ");
		assertThat(taro.birthDate()).isEqualTo(LocalDate.of(1980, 4, 1));
		assertThat(taro.email()).isEqualTo("t011@example.jp");
		List<RosterPerson> household = roster.household(tenant.id(), "01", "t011");
		assertThat(household).extracting(RosterPerson::relationshipCategory)
			.containsExactly(RelationshipCategory.SELF, RelationshipCategory.SPOUSE, RelationshipCategory.CHILD);
		assertThat(household.get(1).livingTogether()).isTrue();
	}

	@Test
	void windows_31j_without_bom_and_lf_line_ends_is_detected() {
		byte[] file = household().line("02,9,00,本人,,渡邊 ①郎,ﾜﾀﾅﾍﾞ ｲﾁﾛｳ,S55.04.01,1,,,,,")
			.text()
			.replace("\r\n", "\n")
			.getBytes(Charset.forName("windows-31j"));
		ImportResult result = run(Mode.DELTA, file);
		assertThat(result.errors()).isEmpty();
		assertThat(roster.findInsured(tenant.id(), "01", "t011").orElseThrow().name()).isEqualTo("髙橋 太郎");
		RosterPerson ichiro = roster.findInsured(tenant.id(), "02", "9").orElseThrow();
		assertThat(ichiro.name()).isEqualTo("渡邊 ①郎");
		assertThat(ichiro.nameKana()).isEqualTo("ワタナベ\u3000イチロウ");
		assertThat(ichiro.birthDate()).isEqualTo(LocalDate.of(1980, 4, 1));
	}

	@Test
	void japanese_era_dates_in_every_form_are_read() {
		RosterCsv csv = RosterCsv.create()
			.insured("05", "1", "昭和 一", "ショウワ ハジメ", "昭和55年4月1日")
			.family("05", "1", "01", "妻", "昭和 花", "ショウワ ハナ", "H2.10.10")
			.family("05", "1", "02", "長男", "昭和 令", "ショウワ レイ", "令和元年5月1日")
			.family("05", "1", "03", "父", "昭和 大", "ショウワ ダイ", "T15.12.24");
		assertThat(run(Mode.DELTA, csv.utf8()).errors()).isEmpty();
		assertThat(roster.household(tenant.id(), "05", "1")).extracting(RosterPerson::birthDate)
			.containsExactly(LocalDate.of(1980, 4, 1), LocalDate.of(1990, 10, 10), LocalDate.of(2019, 5, 1),
					LocalDate.of(1926, 12, 24));
	}

	@Test
	void every_error_kind_is_reported_with_line_column_and_message_and_nothing_is_applied() {
		RosterCsv csv = RosterCsv.create()
			.insured("01", "t011", "髙橋 太郎", "タカハシ タロウ", "1980/04/01")
			.line("01,t012,00,本人,本人,健康 次郎,ケンコウ ジロウ,1985/13/01,男,,,,,")
			.line("0123456789,t013,00,本人,本人,記号 長,キゴウ ナガ,1980/01/01,男,,,,,")
			.line("01,t014,00,本人,本人,,ﾔﾏﾀﾞ,1980/01/01,男,,,,,")
			.line("01,t015,00,本人,本人,山田 花,やまだ はな,1980/01/01,x,mail,,,,")
			.line("01,t016,00,家族,妻,山田 花,ヤマダ ハナ,1980/01/01,女,,,,同居,")
			.line("01,t017,00,本人,本人,山田 花,Yamada,1980/01/01,女,,,,,")
			.line("01,t018,00,本人,本人,山田 花,ヤマダ ハナ,1980/01/01,女,,,,,")
			.line("01,t018,00,本人,本人,山田 花,ヤマダ ハナ,1980/01/01,女,,,,,")
			.line("01,t019,01,家族,叔父,山田 叔,ヤマダ オジ,1980/01/01,男,,,,近所,")
			.line("01,t011,01,家族,妻,髙橋 花,タカハシ ハナ,1982/01/01,女,a@example.jp,,,同居,2020/02/30")
			.line("01,t020,00,本人,本人,未来 人,ミライ ヒト,2999/01/01,男,,,,,")
			.line("01,t021,00,他人,本人,山田 花,ヤマダ ハナ,1980/01/01,女,,,,,")
			.line("01,t022,00,本人")
			.line("01,t023,01,家族,子,孤 児,コ ジ,2010/01/01,男,,,,同居,");
		ImportResult result = run(Mode.SNAPSHOT, csv.utf8());
		assertThat(result.valid()).isFalse();
		assertThat(result.applied()).isFalse();
		assertThat(result.errors()).extracting(Problem::text)
			.contains("3行目 生年月日: 日付として読めません（1985/13/01）", "4行目 記号: 半角英数字1～8文字で入力してください（0123456789）", "5行目 氏名: 入力してください",
					"6行目 性別: 男・女・1・2 のいずれかで入力してください（x）", "6行目 メールアドレス: メールアドレスの形式ではありません（mail）",
					"7行目 枝番: 家族の枝番に 00 は使えません", "8行目 氏名カナ: カタカナで入力してください（Yamada）",
					"10行目 枝番: 記号・番号・枝番が9行目と重複しています（01-t018-00）", "11行目 続柄: 使えない続柄です（叔父）",
					"11行目 同居区分: 同居 または 別居 と入力してください（近所）", "12行目 メールアドレス: 家族の行には入力できません",
					"12行目 資格取得日: 日付として読めません（2020/02/30）", "13行目 生年月日: 未来の日付です（2999/01/01）",
					"14行目 本人家族区分: 本人 または 家族 と入力してください（他人）", "15行目: 列の数が見出しと合いません（見出しは14列、この行は4列）",
					"16行目 本人家族区分: 同じ記号・番号（01-t023）の本人の行がファイルにありません");
		assertThat(result.errorCount()).isEqualTo(result.errors().size()).isEqualTo(16);
		assertThat(people()).isZero();
	}

	@Test
	void header_problems_are_reported() {
		String text = "記号,番号,枝番,本人家族区分,続柄,氏名,氏名カナ,生年月日,性別,メールアドレス,事業所コード,事業所名,同居区分,備考\r\n";
		ImportResult result = run(Mode.DELTA, text.getBytes(StandardCharsets.UTF_8));
		assertThat(result.errors()).extracting(Problem::text)
			.containsExactlyInAnyOrder("1行目 備考: 不明な列です", "1行目 資格取得日: 列がありません");
		assertThat(run(Mode.DELTA, new byte[0]).errors()).extracting(Problem::text).containsExactly("ファイルが空です");
		assertThat(run(Mode.DELTA, (RosterCsv.HEADER + "\n").getBytes(StandardCharsets.UTF_8)).errors())
			.extracting(Problem::text)
			.containsExactly("データの行がありません");
	}

	@Test
	void a_file_with_one_bad_row_changes_nothing() {
		run(Mode.DELTA, household().utf8());
		RosterCsv changed = RosterCsv.create()
			.insured("01", "t011", "髙橋 太郎", "タカハシ タロウ", "1980/04/02")
			.insured("01", "t099", "新規 人", "シンキ ヒト", "1990/01/01")
			.line("01,t098,00,本人,本人,壊れ 行,コワレ ギョウ,1990/02/31,男,,,,,");
		ImportResult result = run(Mode.SNAPSHOT, changed.utf8());
		assertThat(result.errors()).extracting(Problem::text).containsExactly("4行目 生年月日: 日付として読めません（1990/02/31）");
		assertThat(roster.findInsured(tenant.id(), "01", "t011").orElseThrow().birthDate())
			.isEqualTo(LocalDate.of(1980, 4, 1));
		assertThat(roster.findInsured(tenant.id(), "01", "t099")).isEmpty();
		assertThat(roster.household(tenant.id(), "01", "t011")).allMatch(RosterPerson::active);
	}

	@Test
	void snapshot_deactivates_missing_people_and_reimporting_changes_nothing() {
		run(Mode.SNAPSHOT, household().insured("02", "5", "別 人", "ベツ ヒト", "1970/01/01").utf8());
		RosterCsv next = RosterCsv.create()
			.insured("01", "t011", "髙橋 太郎", "タカハシ タロウ", "1980/04/01")
			.family("01", "t011", "01", "妻", "髙橋 花子", "タカハシ ハナコ", "1982/07/15")
			.insured("03", "7", "新 人", "ｱﾀﾗｼ ﾋﾄ", "2000/01/01");
		ImportResult result = run(Mode.SNAPSHOT, next.utf8());
		assertThat(result.counts()).isEqualTo(new Counts(3, 1, 0, 2, 2));
		assertThat(roster.findInsured(tenant.id(), "02", "5").orElseThrow().active()).isFalse();
		assertThat(roster.household(tenant.id(), "01", "t011")).extracting(RosterPerson::active)
			.containsExactly(true, true, false);

		ImportResult again = run(Mode.SNAPSHOT, next.utf8());
		assertThat(again.counts()).isEqualTo(new Counts(3, 0, 0, 3, 0));

		ImportResult back = run(Mode.DELTA, RosterCsv.create().insured("02", "5", "別 人", "ベツ ヒト", "1970/01/01").utf8());
		assertThat(back.counts()).isEqualTo(new Counts(1, 0, 1, 0, 0));
		assertThat(roster.findInsured(tenant.id(), "02", "5").orElseThrow().active()).isTrue();
	}

	@Test
	void delta_updates_changed_people_and_keeps_the_rest() {
		run(Mode.DELTA, household().utf8());
		ImportResult result = run(Mode.DELTA,
				RosterCsv.create().insured("01", "t011", "髙橋 太郎", "タカハシ タロウ", "1980/04/02").utf8());
		assertThat(result.counts()).isEqualTo(new Counts(1, 0, 1, 0, 0));
		assertThat(roster.household(tenant.id(), "01", "t011")).hasSize(3).allMatch(RosterPerson::active);
	}

	@Test
	void a_dry_run_counts_but_changes_nothing() {
		ImportResult result = imports.run(request(Mode.SNAPSHOT, true), new ByteArrayInputStream(household().utf8()),
				null);
		assertThat(result.valid()).isTrue();
		assertThat(result.applied()).isFalse();
		assertThat(result.counts()).isEqualTo(new Counts(3, 3, 0, 0, 0));
		assertThat(people()).isZero();
	}

	@Test
	void imports_are_kept_in_the_history_and_the_audit_log() {
		ImportResult result = run(Mode.DELTA, household().utf8());
		assertThat(jdbc.sql("select status from roster_import where tenant_id = ? and id = ?")
			.params(tenant.id(), result.importId())
			.query(String.class)
			.single()).isEqualTo("APPLIED");
		assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and type = 'ROSTER_IMPORTED'")
			.param(tenant.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private RosterCsv household() {
		return RosterCsv.create()
			.insured("01", "t011", "髙橋 太郎", "タカハシ タロウ", "1980/04/01")
			.family("01", "t011", "01", "妻", "髙橋 花子", "タカハシ ハナコ", "1982/07/15")
			.family("01", "t011", "2", "長男", "髙橋 一郎", "たかはし いちろう", "2006-05-20");
	}

	private ImportResult run(Mode mode, byte[] file) {
		return imports.run(request(mode, false), new ByteArrayInputStream(file), null);
	}

	private ImportRequest request(Mode mode, boolean dryRun) {
		return new ImportRequest(tenant.id(), mode, Source.CLI, "roster.csv", "test", null, null, dryRun);
	}

	private int people() {
		return jdbc.sql("select count(*) from roster_person where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

}
