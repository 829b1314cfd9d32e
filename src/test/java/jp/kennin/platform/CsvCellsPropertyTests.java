package jp.kennin.platform;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cell the CSV guard lets through is one a spreadsheet would evaluate, and nothing is
 * lost: a value comes back as it was or with one leading apostrophe.
 */
class CsvCellsPropertyTests {

	/**
	 * What a spreadsheet takes for a formula, written apart from the guard: after any
	 * leading tab, CR, LF or NUL, the cell starts with = + - @ or their full-width forms.
	 */
	static boolean evaluated(String cell) {
		String s = cell.replaceFirst("^[\\t\\r\\n\\x00]+", "");
		return !s.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(s.charAt(0)) >= 0;
	}

	@Property(tries = 2000)
	void no_guarded_cell_is_evaluated(@ForAll("cells") String value) {
		assertThat(evaluated(CsvCells.safe(value))).as("%s", value).isFalse();
	}

	@Property(tries = 2000)
	void a_value_comes_back_whole_with_at_most_one_apostrophe(@ForAll("cells") String value) {
		String safe = CsvCells.safe(value);
		assertThat(safe).isIn(value, "'" + value);
		if (!evaluated(value) && !value.isEmpty() && !"\t\r\n\0".contains(value.substring(0, 1))) {
			assertThat(safe).as("harmless values are left alone").isEqualTo(value);
		}
	}

	@Example
	void formula_starts_are_escaped_and_numbers_and_text_are_not() {
		assertThat(CsvCells.safe("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(CsvCells.safe("+81-3-0000")).isEqualTo("'+81-3-0000");
		assertThat(CsvCells.safe("-1")).isEqualTo("'-1");
		assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvCells.safe("\r=1")).isEqualTo("'\r=1");
		assertThat(CsvCells.safe("＝１＋１")).isEqualTo("'＝１＋１");
		assertThat(CsvCells.safe(null)).isEmpty();
		assertThat(CsvCells.safe(130000)).isEqualTo("130000");
		assertThat(CsvCells.safe("御室 太郎")).isEqualTo("御室 太郎");
	}

	/**
	 * Strings that often start with (and contain) the characters that matter, among
	 * ordinary ones.
	 */
	@Provide
	Arbitrary<String> cells() {
		Arbitrary<Character> risky = Arbitraries.of('=', '+', '-', '@', '\t', '\r', '\n', '\0', '\uFF1D', '\uFF0B',
				'\uFF0D', '\uFF20', '\'', ' ');
		Arbitrary<Character> any = Arbitraries.oneOf(risky, Arbitraries.chars().alpha(), Arbitraries.chars().numeric(),
				Arbitraries.chars().range('\u3040', '\u30FF'), Arbitraries.chars());
		return any.list().ofMaxSize(12).map(cs -> {
			StringBuilder b = new StringBuilder();
			cs.forEach(b::append);
			return b.toString();
		});
	}

}
