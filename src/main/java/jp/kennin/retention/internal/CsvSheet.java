package jp.kennin.retention.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jp.kennin.platform.CsvCells;

/**
 * One small CSV file of the export, UTF-8 with a BOM so that Excel opens it with the
 * Japanese intact; cells go through {@link CsvCells} like every CSV Kennin writes.
 */
final class CsvSheet {

	static final String BOM = "\uFEFF";

	private final StringBuilder text = new StringBuilder(BOM);

	CsvSheet row(Object... cells) {
		return row(Arrays.asList(cells));
	}

	CsvSheet row(List<?> cells) {
		text.append(line(cells));
		return this;
	}

	/** One CSV line with its CRLF. */
	static String line(List<?> cells) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			String cell = CsvCells.safe(cells.get(i));
			text.append('"').append(cell.replace("\"", "\"\"")).append('"');
		}
		return text.append("\r\n").toString();
	}

	byte[] bytes() {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
