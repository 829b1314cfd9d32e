package jp.kennin.roster.internal;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Times reading and validating the benchmark file without a database (needs RosterImportBenchmark's file). */
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
			System.out.printf("round %d: %d rows, %d problems, read+validate %d ms%n", round, rows[0], problems.total(),
					(parsed - start) / 1_000_000);
		}
	}

}
