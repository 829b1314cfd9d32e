package jp.kennin.roster.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RelationshipCategory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextTests {

	@Test
	void writesARowInCopyTextFormatWithNullsDatesAndUtf8() {
		CopyText text = new CopyText(16);
		text.append(new StagedRow(12, "01", "t011", "01", false, "長男", RelationshipCategory.CHILD, "髙橋 一郎",
				"タカハシ　イチロウ", "タカハシイチロウ", LocalDate.of(985, 4, 1), "M", null, "A1", "本社", true,
				LocalDate.of(2020, 1, 9)));
		String line = new String(text.take(), StandardCharsets.UTF_8);
		assertThat(line).isEqualTo("12\t01\tt011\t01\tf\t長男\tCHILD\t髙橋 一郎\tタカハシ　イチロウ\tタカハシイチロウ\t"
				+ "0985-04-01\tM\t\\N\tA1\t本社\tt\t2020-01-09\n");
		assertThat(text.size()).isZero();
	}

	@Test
	void escapesBackslashTabAndLineBreaksInsideValues() {
		CopyText text = new CopyText(8);
		text.append(new StagedRow(2, "1", "2", "00", true, "本人", RelationshipCategory.SELF, "a\\b\tc", "ア",
				"ア", LocalDate.of(2000, 12, 31), null, "x@example.jp", null, "支店\n2\r", null, null));
		String line = new String(text.take(), StandardCharsets.UTF_8);
		assertThat(line).contains("\ta\\\\b\\tc\t").contains("\t支店\\n2\\r\t").endsWith("\t\\N\t\\N\n")
			.contains("\t2000-12-31\t\\N\tx@example.jp\t");
	}

	@Test
	void pipeWritesChunksInOrderAndReportsTheWritersFailure() {
		List<String> written = new CopyOnWriteArrayList<>();
		CopyPipe pipe = new CopyPipe(chunk -> written.add(new String(chunk, StandardCharsets.UTF_8)));
		for (int i = 0; i < 100; i++) {
			pipe.send(String.valueOf(i).getBytes(StandardCharsets.UTF_8));
		}
		pipe.finish();
		assertThat(written).hasSize(100).startsWith("0", "1").endsWith("99");

		CopyPipe failing = new CopyPipe(chunk -> {
			throw new IllegalStateException("value too long");
		});
		assertThatThrownBy(() -> {
			for (int i = 0; i < 100; i++) {
				failing.send(new byte[] { 1 });
			}
			failing.finish();
		}).hasMessageContaining("value too long");
	}

}
