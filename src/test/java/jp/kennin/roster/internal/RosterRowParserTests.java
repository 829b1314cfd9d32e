package jp.kennin.roster.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser's fast paths (no regex, no ICU) must give what the slow paths gave. */
class RosterRowParserTests {

	private final RosterRowParser parser = new RosterRowParser(LocalDate.of(2026, 11, 25));

	@Test
	void collapsesRunsOfMixedSpacesInNamesAndKana() {
		StagedRow row = parse(Map.of(RosterColumn.NAME, " 佐藤　 明美 ", RosterColumn.NAME_KANA, "サトウ 　アケミ"),
				new ProblemSink());
		assertThat(row.name()).isEqualTo("佐藤 明美");
		assertThat(row.nameKana()).isEqualTo("サトウ　アケミ");
		assertThat(row.nameKanaKey()).isEqualTo("サトウアケミ");
		assertThat(RosterRowParser.kana("ｻﾄｳ  ｱｹﾐ")).isEqualTo("サトウ　アケミ");
		assertThat(RosterRowParser.kana("さとう あけみ")).isEqualTo("サトウ　アケミ");
	}

	@Test
	void normalisesAndChecksKeys() {
		StagedRow row = parse(Map.of(RosterColumn.KIGO, "０１", RosterColumn.BANGO, "t011"), new ProblemSink());
		assertThat(row.kigo()).isEqualTo("01");
		assertThat(row.bango()).isEqualTo("t011");

		ProblemSink problems = new ProblemSink();
		assertThat(parse(Map.of(RosterColumn.KIGO, "123456789", RosterColumn.BANGO, "t-11", RosterColumn.EDABAN, "0a"),
				problems))
			.isNull();
		assertThat(problems.problems()).extracting(p -> p.text())
			.containsExactly("3行目 記号: 半角英数字1～8文字で入力してください（123456789）", "3行目 番号: 半角英数字1～10文字で入力してください（t-11）",
					"3行目 枝番: 2桁の数字で入力してください（0a）");
	}

	private StagedRow parse(Map<RosterColumn, String> changes, ProblemSink problems) {
		Map<RosterColumn, String> cells = new EnumMap<>(RosterColumn.class);
		cells.put(RosterColumn.KIGO, "01");
		cells.put(RosterColumn.BANGO, "100");
		cells.put(RosterColumn.EDABAN, "00");
		cells.put(RosterColumn.KUBUN, "本人");
		cells.put(RosterColumn.RELATIONSHIP, "");
		cells.put(RosterColumn.NAME, "佐藤 明美");
		cells.put(RosterColumn.NAME_KANA, "サトウ アケミ");
		cells.put(RosterColumn.BIRTH_DATE, "1971/05/15");
		cells.put(RosterColumn.GENDER, "女");
		cells.put(RosterColumn.EMAIL, "m100@example.jp");
		cells.put(RosterColumn.OFFICE_CODE, "01");
		cells.put(RosterColumn.OFFICE_NAME, "本社");
		cells.put(RosterColumn.LIVING, "");
		cells.put(RosterColumn.QUALIFIED_ON, "1991/05/15");
		cells.putAll(changes);
		return parser.parse(3, cells, problems);
	}

}
