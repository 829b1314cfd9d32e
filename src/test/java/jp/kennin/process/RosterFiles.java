package jp.kennin.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Roster CSV files (docs/roster-csv.md) as an operator would hand them to
 * {@code import-roster}.
 */
final class RosterFiles {

	static final String HEADER = "記号,番号,枝番,本人家族区分,続柄,氏名,氏名カナ,生年月日,性別,メールアドレス,事業所コード,事業所名,同居区分,資格取得日\n";

	/** One household, two rows: an insured person and a dependent. */
	static final String VALID = HEADER + "77,p1,00,本人,本人,試験 一郎,シケン イチロウ,1980/04/01,男,,100,本社,,2003/04/01\n"
			+ "77,p1,01,家族,妻,試験 花子,シケン ハナコ,1982/07/15,女,,100,本社,同居,2008/06/01\n";

	/**
	 * Line 2 has an impossible date, line 3 is a dependent without their insured person.
	 */
	static final String WITH_ERRORS = HEADER + "77,p2,00,本人,本人,誤記 太郎,ゴキ タロウ,1985/13/01,男,,100,本社,,2003/04/01\n"
			+ "77,p3,01,家族,妻,誤記 花子,ゴキ ハナコ,1990/01/01,女,,100,本社,同居,2008/06/01\n";

	private RosterFiles() {
	}

	static Path write(Path dir, String name, String content) {
		try {
			return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
