package jp.kennin.roster.internal;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the Java side of an import without a database (needs RosterImportBenchmark's
 * file): reading and validating, then also the key index (duplicates, households) and
 * encoding the rows for binary COPY.
 */
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class RosterParseBenchmark {

	@Test
	void parse() throws Exception {
		Path file = Path.of("target", "benchmark", "roster-250k.csv");
		for (int round = 0; round < 5; round++) {
			long start = System.nanoTime();
			ProblemSink problems = new ProblemSink();
			RosterRowParser parser = new RosterRowParser(LocalDate.of(2026, 11, 25));
			int[] rows = { 0 };
			try (InputStream in = new FileInputStream(file.toFile())) {
				RosterCsvReader.read(in, problems, (line, cells) -> {
					if (parser.parse(line, cells, problems) != null) {
						rows[0]++;
					}
				});
			}
			long parsed = System.nanoTime();
			KeyIndex keys = new KeyIndex();
			CopyBinary copy = new CopyBinary(1 << 18);
			Instant now = Instant.now();
			long[] bytes = { 0 };
			try (InputStream in = new FileInputStream(file.toFile())) {
				RosterCsvReader.read(in, problems, (line, cells) -> {
					StagedRow row = parser.parse(line, cells, problems);
					if (row != null && keys.add(row.kigo(), row.bango(), row.edaban(), line) == 0) {
						RowWriter.encode(copy, RowWriter.Table.ROSTER, 1, now, row);
						if (copy.size() >= 1 << 18) {
							bytes[0] += copy.take().length;
						}
					}
				});
			}
			int orphans = keys.orphans().size();
			long all = System.nanoTime();
			System.out.printf(
					"round %d: %d rows, %d problems, read+validate %d ms; with key index and COPY encoding %d ms "
							+ "(%d orphans, %d MB)%n",
					round, rows[0], problems.total(), (parsed - start) / 1_000_000, (all - parsed) / 1_000_000, orphans,
					bytes[0] >> 20);
		}
	}

}
