package jp.kennin.roster.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever file staff upload as a roster, the reader reports problems or hands over rows,
 * never throws: broken quoting, a wrong encoding and a missing header become problems
 * with their {@code roster.problem.*} code. Seeds in
 * {@code src/test/resources/jp/kennin/roster/internal/RosterCsvReaderFuzzTestsInputs/}.
 */
class RosterCsvReaderFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void readReportsProblemsOrRowsNeverThrows(FuzzedDataProvider data) throws IOException {
		byte[] file = data.consumeRemainingAsBytes();
		ProblemSink problems = new ProblemSink();
		List<Integer> lines = new ArrayList<>();
		RosterCsvReader.read(new ByteArrayInputStream(file), problems, (line, cells) -> {
			assertThat(cells).isNotEmpty();
			assertThat(cells.values()).doesNotContainNull();
			lines.add(line);
		});
		// Rows come after the header, in file order.
		assertThat(lines).allMatch(line -> line >= 2).isSorted();
		if (lines.isEmpty() && file.length == 0) {
			assertThat(problems.isEmpty()).isFalse();
		}
		assertThat(problems.problems()).allSatisfy(problem -> assertThat(problem.code()).isNotBlank());
	}

}
