package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/**
 * The optional postal columns for letters (郵便番号, 住所1, 住所2, 宛名): imported on the 本人 row,
 * checked, and left alone by a later file in the old format without them.
 */
@KenninIntegrationTest
class RosterPostalColumnsIntegrationTests {

	private static final String HEADER = RosterCsv.HEADER + ",郵便番号,住所1,住所2,宛名";

	@Autowired
	RosterImports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	@BeforeEach
	void setUp() {
		tenant = TestTenants.create(tenants, "住所健保");
	}

	@Test
	void postal_columns_are_stored_and_an_old_file_keeps_them() {
		String withPostal = HEADER + "\r\n"
				+ "01,p1,00,本人,本人,郵便 太郎,ユウビン タロウ,1980/04/01,男,,100,本社,,,１２３４５６７,東京都千代田区1-1,ハイツ101,郵便 太郎 殿\r\n"
				+ "01,p1,01,家族,妻,郵便 花子,ユウビン ハナコ,1982/07/15,女,,100,本社,同居,,,,,\r\n"
				+ "01,p2,00,本人,本人,住所 次郎,ジュウショ ジロウ,1981/04/01,男,,100,本社,,,,,,\r\n";
		assertThat(run(Mode.SNAPSHOT, withPostal).errors()).isEmpty();
		assertThat(address("p1")).containsEntry("postal_code", "123-4567")
			.containsEntry("address1", "東京都千代田区1-1")
			.containsEntry("address2", "ハイツ101")
			.containsEntry("addressee", "郵便 太郎 殿");
		assertThat(address("p2").get("postal_code")).isNull();

		// The 14-column format of older files still imports, and changes no address.
		String old = RosterCsv.create()
			.line("01,p1,00,本人,本人,郵便 太郎,ユウビン タロウ,1980/04/01,男,,200,支店,,")
			.line("01,p1,01,家族,妻,郵便 花子,ユウビン ハナコ,1982/07/15,女,,100,本社,同居,")
			.line("01,p2,00,本人,本人,住所 次郎,ジュウショ ジロウ,1981/04/01,男,,100,本社,,")
			.text();
		ImportResult result = run(Mode.SNAPSHOT, old);
		assertThat(result.errors()).isEmpty();
		assertThat(result.counts().updated()).isEqualTo(1);
		assertThat(address("p1")).containsEntry("postal_code", "123-4567").containsEntry("office_code", "200");

		// A file with the columns is the truth: an empty cell clears the address.
		String cleared = HEADER + "\r\n" + "01,p1,00,本人,本人,郵便 太郎,ユウビン タロウ,1980/04/01,男,,200,支店,,,,,,\r\n"
				+ "01,p1,01,家族,妻,郵便 花子,ユウビン ハナコ,1982/07/15,女,,100,本社,同居,,,,,\r\n"
				+ "01,p2,00,本人,本人,住所 次郎,ジュウショ ジロウ,1981/04/01,男,,100,本社,,,9800811,仙台市,,\r\n";
		result = run(Mode.SNAPSHOT, cleared);
		assertThat(result.counts().updated()).isEqualTo(2);
		assertThat(address("p1").get("postal_code")).isNull();
		assertThat(address("p2")).containsEntry("postal_code", "980-0811").containsEntry("address1", "仙台市");
	}

	@Test
	void bad_postal_codes_and_addresses_on_family_rows_are_errors() {
		String file = HEADER + "\r\n" + "01,q1,00,本人,本人,郵便 太郎,ユウビン タロウ,1980/04/01,男,,100,本社,,,12-34,東京都,,\r\n"
				+ "01,q1,01,家族,妻,郵便 花子,ユウビン ハナコ,1982/07/15,女,,100,本社,同居,,,京都市,,\r\n";
		assertThat(run(Mode.DELTA, file).errors()).extracting(Problem::text)
			.containsExactly("2行目 郵便番号: 郵便番号は7桁の数字で入力してください（12-34）",
					"3行目 住所1: 郵便番号・住所・宛名は本人の行に入力してください（家族の行には入力できません）");
	}

	private Map<String, Object> address(String bango) {
		return jdbc
			.sql("select postal_code, address1, address2, addressee, office_code from roster_person "
					+ "where tenant_id = ? and kigo = '01' and bango = ? and edaban = '00'")
			.params(tenant.id(), bango)
			.query((rs, n) -> {
				Map<String, Object> row = new HashMap<>();
				for (String c : new String[] { "postal_code", "address1", "address2", "addressee", "office_code" }) {
					row.put(c, rs.getString(c));
				}
				return row;
			})
			.single();
	}

	private ImportResult run(Mode mode, String file) {
		return imports.run(new ImportRequest(tenant.id(), mode, Source.CLI, "roster.csv", "test", null, null, false),
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
	}

}
