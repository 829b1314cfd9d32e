package jp.kennin.roster.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roster date cell is either a date or "not a date" (empty), never an exception; a date
 * it reads, written back as yyyy/MM/dd, yyyyMMdd or full width, reads as the same date.
 * Seeds in
 * {@code src/test/resources/jp/kennin/roster/internal/RosterDatesFuzzTestsInputs/}.
 */
class RosterDatesFuzzTests {

	private static final DateTimeFormatter SLASHES = DateTimeFormatter.ofPattern("uuuu/MM/dd");

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

	@FuzzTest(maxDuration = "60s")
	void parseGivesADateOrNothing(FuzzedDataProvider data) {
		String cell = data.consumeRemainingAsString();
		Optional<LocalDate> parsed = RosterDates.parse(cell);
		if (parsed.isEmpty()) {
			return;
		}
		LocalDate date = parsed.get();
		// The patterns allow four-digit years only.
		assertThat(date.getYear()).isBetween(0, 9999);
		assertThat(RosterDates.parse(date.format(SLASHES))).contains(date);
		assertThat(RosterDates.parse(date.format(COMPACT))).contains(date);
		assertThat(RosterDates.parse(fullWidth(date.toString()))).contains(date);
	}

	private static String fullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append((char) (c - '!' + '\uFF01')));
		return out.toString();
	}

}
