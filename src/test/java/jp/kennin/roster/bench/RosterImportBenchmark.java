package jp.kennin.roster.bench;

import java.io.FileInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.roster.RosterImports;
import jp.kennin.roster.RosterImports.ImportRequest;
import jp.kennin.roster.RosterImports.ImportResult;
import jp.kennin.roster.RosterImports.Mode;
import jp.kennin.roster.RosterImports.Source;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster import benchmark (not part of the normal build): generates 100,000 insured
 * persons and 150,000 dependents, imports them into PostgreSQL (schema {@value #SCHEMA})
 * through the same code path as page, CLI and API, then loads the same file with
 * {@code psql \copy} into a plain table, and prints both times, the ratio and the peak
 * heap. Run (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B test -Dtest=RosterImportBenchmark -Dkennin.benchmark=true -DargLine=-Xmx256m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class RosterImportBenchmark {

	static final String SCHEMA = "kennin_bench";

	static final String URL = env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("KENNIN_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("KENNIN_TEST_POSTGRES_PASSWORD", "");

	@Autowired
	RosterImports imports;

	@Autowired
	Tenants tenants;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws Exception {
		try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		registry.add("kennin.scheduling.enabled", () -> "false");
	}

	@Test
	void import_versus_copy() throws Exception {
		Path file = Path.of("target", "benchmark", "roster-250k.csv");
		long t0 = System.nanoTime();
		RosterGenerator.write(file, 100_000, 150_000);
		System.out.printf("generated %s (%d MB) in %d ms%n", file, Files.size(file) >> 20, ms(t0));
		int rounds = Integer.getInteger("kennin.benchmark.rounds", 3);
		long[] importMs = new long[rounds];
		long[] reimportMs = new long[rounds];
		long[] copyMs = new long[rounds];
		long[] indexedMs = new long[rounds];
		long peakMb = 0;
		String output = "";
		// Rounds alternate import and COPY, so that load from other processes on a shared
		// machine hits both.
		for (int round = 0; round < rounds; round++) {
			Tenant tenant = tenants.create(new Tenants.NewTenant("bench" + round, "ベンチマーク健康保険組合", "bench@kenpo.example",
					"ベンチマーク健保", Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
			System.gc();
			resetPeaks();
			long start = System.nanoTime();
			ImportResult first = run(tenant, file);
			importMs[round] = ms(start);
			peakMb = Math.max(peakMb, peakHeapMb());
			assertThat(first.errors()).isEmpty();
			assertThat(first.counts().added()).isEqualTo(250_000);

			start = System.nanoTime();
			ImportResult again = run(tenant, file);
			reimportMs[round] = ms(start);
			assertThat(again.counts().unchanged()).isEqualTo(250_000);

			try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
				s.execute("drop table if exists " + SCHEMA + ".copy_plain");
				s.execute("create table " + SCHEMA + ".copy_plain (kigo text, bango text, edaban text, kubun text, "
						+ "relationship text, name text, name_kana text, birth_date text, gender text, email text, "
						+ "office_code text, office_name text, living text, qualified_on text)");
			}
			start = System.nanoTime();
			Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", USER, "-d", "test", "-v",
					"ON_ERROR_STOP=1", "-c", "\\copy " + SCHEMA + ".copy_plain from '" + file.toAbsolutePath()
							+ "' with (format csv, header true)")
				.redirectErrorStream(true)
				.start();
			output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			assertThat(psql.waitFor()).as(output).isZero();
			copyMs[round] = ms(start);
			indexedMs[round] = copyIntoRosterShapedTable(tenant, round == 0);
			System.out.printf("round %d: import %d ms, re-import %d ms, copy %d ms, copy into indexed %d ms%n", round,
					importMs[round], reimportMs[round], copyMs[round], indexedMs[round]);
		}

		long bestImport = Arrays.stream(importMs).min().orElseThrow();
		long bestCopy = Arrays.stream(copyMs).min().orElseThrow();
		String result = String.format("""
				rows: 250,000 (100,000 insured + 150,000 dependents), file %d MB, %d rounds (best / median)
				import (snapshot, first load): %d / %d ms, peak heap %d MB (max heap %d MB)
				re-import (unchanged):         %d / %d ms
				psql \\copy into plain table:   %d / %d ms (%s)
				ratio import / copy (best):    %.2f
				ratio import / copy (median):  %.2f
				psql \\copy of the imported rows into a table like roster_person, its indexes included:
				                               %d / %d ms
				ratio import / that copy (best / median): %.2f / %.2f
				""", Files.size(file) >> 20, rounds, bestImport, median(importMs), peakMb,
				Runtime.getRuntime().maxMemory() >> 20, Arrays.stream(reimportMs).min().orElseThrow(),
				median(reimportMs), bestCopy, median(copyMs), output, (double) bestImport / bestCopy,
				(double) median(importMs) / median(copyMs), Arrays.stream(indexedMs).min().orElseThrow(),
				median(indexedMs), (double) bestImport / Arrays.stream(indexedMs).min().orElseThrow(),
				(double) median(importMs) / median(indexedMs));
		System.out.println(result);
		Files.writeString(Path.of("target", "benchmark", "result.txt"), result);
	}

	/**
	 * What the database alone spends writing the imported rows where the import writes
	 * them: the tenant's rows of roster_person, exported as CSV (not timed), loaded with
	 * {@code psql \copy} into a table created like roster_person with its defaults,
	 * identity and indexes (primary key, unique key, the office picker's partial index),
	 * kept across rounds as roster_person is. The gap between this and the import is
	 * Kennin's own work; the gap between this and the plain copy is the table's.
	 */
	private static long copyIntoRosterShapedTable(Tenant tenant, boolean create) throws Exception {
		Path rows = Path.of("target", "benchmark", "roster-rows.csv").toAbsolutePath();
		String columns;
		try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
			if (create) {
				s.execute("drop table if exists " + SCHEMA + ".copy_indexed");
				s.execute("create table " + SCHEMA + ".copy_indexed (like " + SCHEMA
						+ ".roster_person including defaults including identity including indexes)");
			}
			try (var rs = s.executeQuery("""
					select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
					where table_schema = '%s' and table_name = 'roster_person' and column_name <> 'id'
					  and is_generated = 'NEVER'""".formatted(SCHEMA))) {
				rs.next();
				columns = rs.getString(1);
			}
		}
		psql("\\copy (select " + columns + " from " + SCHEMA + ".roster_person where tenant_id = " + tenant.id()
				+ ") to '" + rows + "' with (format csv)");
		long start = System.nanoTime();
		psql("\\copy " + SCHEMA + ".copy_indexed (" + columns + ") from '" + rows + "' with (format csv)");
		return ms(start);
	}

	private static void psql(String command) throws Exception {
		Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", USER, "-d", "test", "-v", "ON_ERROR_STOP=1",
				"-c", command)
			.redirectErrorStream(true)
			.start();
		String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(psql.waitFor()).as(output).isZero();
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private ImportResult run(Tenant tenant, Path file) throws Exception {
		try (InputStream in = new FileInputStream(file.toFile())) {
			return imports.run(new ImportRequest(tenant.id(), Mode.SNAPSHOT, Source.CLI, "roster-250k.csv", "bench",
					null, null, false), in, null);
		}
	}

	private static void resetPeaks() {
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMb() {
		return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}

	private static long ms(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
