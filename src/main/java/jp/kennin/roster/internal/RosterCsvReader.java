package jp.kennin.roster.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a roster CSV as a stream, one record at a time, never the whole file. The
 * encoding is UTF-8 (with or without BOM) or Windows-31J, told apart by whether the first
 * 64 KiB, which hold the Japanese header, decode as UTF-8. Windows-31J, not Shift_JIS:
 * Java's Shift_JIS cannot read ①, 髙 and other characters Excel writes.
 */
final class RosterCsvReader {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private static final int PEEK = 64 * 1024;

	interface RowHandler {

		void row(int line, Map<RosterColumn, String> cells);

	}

	private RosterCsvReader() {
	}

	/**
	 * Reads the whole stream, reporting header and format problems; calls the handler for
	 * each data row.
	 * @return whether the header had any of the postal columns (an older file without
	 * them leaves the stored addresses alone)
	 */
	static boolean read(InputStream raw, ProblemSink problems, RowHandler handler) throws IOException {
		BufferedInputStream in = new BufferedInputStream(raw, PEEK);
		Charset charset = detect(in);
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		Reader reader = new InputStreamReader(in, decoder);
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
		int line = 1;
		boolean postal = false;
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				problems.add(null, null, "fileEmpty");
				return false;
			}
			RosterColumn[] columns = header(records.next(), problems);
			if (columns == null) {
				return false;
			}
			for (RosterColumn column : columns) {
				postal |= column != null && column.postal();
			}
			while (records.hasNext()) {
				CSVRecord record = records.next();
				line = (int) record.getRecordNumber();
				if (record.size() != columns.length) {
					problems.add(line, null, "columnCount", columns.length, record.size());
					continue;
				}
				Map<RosterColumn, String> cells = new EnumMap<>(RosterColumn.class);
				for (int i = 0; i < columns.length; i++) {
					if (columns[i] != null) {
						cells.put(columns[i], record.get(i));
					}
				}
				handler.row(line, cells);
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				problems.add(line + 1, null, "encoding", charset == WINDOWS_31J ? "Windows-31J" : "UTF-8");
			}
			else {
				problems.add(line + 1, null, "unreadableCsv");
			}
		}
		return postal;
	}

	private static RosterColumn[] header(CSVRecord record, ProblemSink problems) {
		RosterColumn[] columns = new RosterColumn[record.size()];
		Map<RosterColumn, Integer> seen = new EnumMap<>(RosterColumn.class);
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).replace("\uFEFF", "").strip();
			RosterColumn column = RosterColumn.byHeader(name);
			if (column == null) {
				problems.add(1,
						name.isEmpty() ? RosterTexts.japanese("columnNumber", List.of(String.valueOf(i + 1))) : name,
						"unknownColumn");
			}
			else if (seen.put(column, i) != null) {
				problems.add(1, name, "duplicateColumn");
			}
			columns[i] = column;
		}
		boolean complete = true;
		for (RosterColumn column : RosterColumn.values()) {
			if (!column.optional && !seen.containsKey(column)) {
				problems.add(1, column.header, "missingColumn");
				complete = false;
			}
		}
		// Rows are still checked when only unknown columns were found, so all errors come
		// at once.
		return complete ? columns : null;
	}

	static Charset detect(BufferedInputStream in) throws IOException {
		in.mark(PEEK);
		byte[] head = in.readNBytes(PEEK);
		in.reset();
		if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			in.skipNBytes(3);
			return StandardCharsets.UTF_8;
		}
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		// endOfInput=false: a character cut at the end of the peek window is not an
		// error.
		boolean valid = !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
		return valid ? StandardCharsets.UTF_8 : WINDOWS_31J;
	}

}
