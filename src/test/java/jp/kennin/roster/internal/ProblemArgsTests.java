package jp.kennin.roster.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem's arguments come back from storage as they went in, whatever characters the
 * roster cell held.
 */
class ProblemArgsTests {

	@Test
	void round_trip() {
		for (List<String> args : List.<List<String>>of(List.of(), List.of(""), List.of("", ""), List.of("1985/13/01"),
				List.of("a,\"b\"\r\nc", "髙橋", " x "), List.of("3", "01", "t1", "00"))) {
			assertThat(ProblemArgs.decode(ProblemArgs.encode(args))).as(args.toString()).isEqualTo(args);
		}
	}

	@Test
	void long_values_are_cut() {
		String stored = ProblemArgs.encode(List.of("x".repeat(5000)));
		assertThat(stored.length()).isLessThan(ProblemArgs.MAX_VALUE + 10);
		assertThat(ProblemArgs.decode(stored).get(0)).startsWith("xxx").endsWith("…");
	}

	@Test
	void nothing_stored_is_no_arguments() {
		assertThat(ProblemArgs.decode(null)).isEmpty();
	}

}
