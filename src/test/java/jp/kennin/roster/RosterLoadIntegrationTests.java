package jp.kennin.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.roster.RosterImports.Counts;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Problem;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.roster.bench.RosterGenerator;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two ways rows reach the roster (straight in for a first load, through the staging
 * table and the merge otherwise) store the same thing; imports of one tenant are
 * serialised; the roster keeps its tenant.
 */
@KenninIntegrationTest
class RosterLoadIntegrationTests {

	private static final String FACTS = "kigo, bango, edaban, insured, relationship, relationship_category, name, "
			+ "name_kana, name_kana_key, birth_date, gender, email, office_code, office_name, living_together, qualified_on, active";

	@Autowired
	RosterImports imports;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@TempDir
	Path dir;

	@BeforeEach
	void fixTheClock() {
		clock.setInstant(Instant.parse("2026-04-01T01:02:03.456789Z"));
	}

	@AfterEach
	void resetTheClock() {
		clock.reset();
	}

	@Test
	void a_first_load_and_the_merge_store_the_same_rows_over_many_copy_chunks() throws Exception {
		// 6,000 rows: several of the writer's 256 KB chunks.
		Path file = dir.resolve("roster.csv");
		RosterGenerator.write(file, 2_500, 3_500);
		Tenant direct = TestTenants.create(tenants, "初回健保");
		Tenant merged = TestTenants.create(tenants, "差分健保");
		run(merged, Mode.DELTA, RosterCsv.create().insured("99", "1", "先 人", "サキ ヒト", "1970/01/01").utf8());

		ImportResult first = run(direct, Mode.SNAPSHOT, Files.readAllBytes(file));
		ImportResult viaStage = run(merged, Mode.DELTA, Files.readAllBytes(file));

		assertThat(first.counts()).isEqualTo(new Counts(6_000, 6_000, 0, 0, 0));
		assertThat(viaStage.counts()).isEqualTo(new Counts(6_000, 6_000, 0, 0, 0));
		List<String> directRows = facts(direct);
		assertThat(directRows).hasSize(6_000)
			.isEqualTo(facts(merged).stream().filter(r -> !r.startsWith("99|")).toList());
		assertThat(jdbc.sql("select distinct created_at from roster_person where tenant_id = ?")
			.param(direct.id())
			.query(Timestamp.class)
			.list()).extracting(Timestamp::toInstant).containsExactly(Instant.parse("2026-04-01T01:02:03.456789Z"));

		ImportResult again = run(direct, Mode.SNAPSHOT, Files.readAllBytes(file));
		assertThat(again.counts()).isEqualTo(new Counts(6_000, 0, 0, 6_000, 0));
		assertThat(facts(direct)).isEqualTo(directRows);
	}

	@Test
	void a_rejected_first_load_leaves_the_roster_empty() {
		Tenant tenant = TestTenants.create(tenants, "空のまま健保");
		RosterCsv csv = RosterCsv.create();
		for (int i = 0; i < 3_000; i++) {
			csv.insured("01", Integer.toString(i), "名簿 人", "メイボ ヒト", "1980/01/01");
		}
		csv.insured("01", "17", "重複 人", "チョウフク ヒト", "1980/01/01");
		ImportResult result = run(tenant, Mode.SNAPSHOT, csv.utf8());
		assertThat(result.applied()).isFalse();
		assertThat(result.errors()).extracting(Problem::text)
			.containsExactly("3002行目 枝番: 記号・番号・枝番が19行目と重複しています（01-17-00）");
		assertThat(people(tenant)).isZero();
	}

	@Test
	void simultaneous_first_loads_of_one_tenant_run_one_after_the_other() throws Exception {
		Tenant tenant = TestTenants.create(tenants, "同時健保");
		RosterCsv csv = RosterCsv.create();
		for (int i = 0; i < 2_000; i++) {
			csv.insured("05", Integer.toString(i), "同時 人", "ドウジ ヒト", "1985/05/05");
		}
		byte[] file = csv.utf8();
		CyclicBarrier start = new CyclicBarrier(2);
		Callable<ImportResult> load = () -> {
			start.await();
			return run(tenant, Mode.SNAPSHOT, file);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ImportResult> a = pool.submit(load);
			Future<ImportResult> b = pool.submit(load);
			List<Counts> counts = List.of(a.get().counts(), b.get().counts());
			assertThat(counts).containsExactlyInAnyOrder(new Counts(2_000, 2_000, 0, 0, 0),
					new Counts(2_000, 0, 0, 2_000, 0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(people(tenant)).isEqualTo(2_000);
	}

	@Test
	void roster_rows_always_belong_to_an_existing_tenant() {
		Tenant tenant = TestTenants.create(tenants, "整合健保");
		insertPerson(tenant.id(), "1");
		long missing = jdbc.sql("select max(id) + 1000 from tenant").query(Long.class).single();

		assertThatThrownBy(() -> imports
			.run(new ImportRequest(missing, Mode.DELTA, Source.CLI, "roster.csv", "test", null, null, false),
					new ByteArrayInputStream(
							RosterCsv.create().insured("01", "2", "迷子 人", "マイゴ ヒト", "1980/01/01").utf8()),
					null))
			.isInstanceOf(RuntimeException.class);
		assertThat(jdbc.sql("select count(*) from roster_person where tenant_id = ?")
			.param(missing)
			.query(Integer.class)
			.single()).isZero();
		assertThatThrownBy(() -> jdbc.sql("update roster_person set tenant_id = ? where tenant_id = ?")
			.params(missing, tenant.id())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("delete from tenant where id = ?").param(tenant.id()).update())
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(people(tenant)).isEqualTo(1);

		// The roster row was the only thing holding the tenant.
		jdbc.sql("delete from roster_person where tenant_id = ?").param(tenant.id()).update();
		assertThat(jdbc.sql("delete from tenant where id = ?").param(tenant.id()).update()).isEqualTo(1);
	}

	private void insertPerson(long tenantId, String bango) {
		jdbc.sql("insert into roster_person (tenant_id, kigo, bango, edaban, insured, name, name_kana, name_kana_key, "
				+ "birth_date, active, created_at, updated_at) values (?, '01', ?, '00', true, 'x', 'エックス', 'エックス', "
				+ "date '1980-01-01', true, current_timestamp, current_timestamp)")
			.params(tenantId, bango)
			.update();
	}

	@Test
	void control_characters_in_names_are_refused() {
		Tenant tenant = TestTenants.create(tenants, "制御健保");
		ImportResult result = run(tenant, Mode.DELTA,
				RosterCsv.create().line("01,1,00,本人,本人,\"改\u0000行 人\",カイギョウ ヒト,1980/01/01,男,,100,\"本\n社\",,").utf8());
		assertThat(result.errors()).extracting(Problem::text)
			.containsExactly("2行目 氏名: 改行やタブなどの制御文字は使えません", "2行目 事業所名: 改行やタブなどの制御文字は使えません");
	}

	private List<String> facts(Tenant tenant) {
		return jdbc.sql("select " + FACTS + " from roster_person where tenant_id = ? order by kigo, bango, edaban")
			.param(tenant.id())
			.query((rs, i) -> {
				StringBuilder sb = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					sb.append(c > 1 ? "|" : "").append(rs.getString(c));
				}
				return sb.toString();
			})
			.list();
	}

	private ImportResult run(Tenant tenant, Mode mode, byte[] file) {
		try (InputStream in = new ByteArrayInputStream(file)) {
			return imports.run(
					new ImportRequest(tenant.id(), mode, Source.CLI, "roster.csv", "test", null, null, false), in,
					null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int people(Tenant tenant) {
		return jdbc.sql("select count(*) from roster_person where tenant_id = ?")
			.param(tenant.id())
			.query(Integer.class)
			.single();
	}

}
