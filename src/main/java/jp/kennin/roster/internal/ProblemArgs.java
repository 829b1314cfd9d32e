package jp.kennin.roster.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A stored problem's arguments as one CSV record: the values come from the roster file
 * and may hold any character, which CSV quoting already handles. Each value is cut to
 * {@link #MAX_VALUE} characters so that the record fits its column; the screen shows the
 * value only as a reminder of the cell.
 */
final class ProblemArgs {

	static final int MAX_VALUE = 200;

	private ProblemArgs() {
	}

	static String encode(List<String> args) {
		return CSVFormat.DEFAULT
			.format(args.stream().map(a -> a.length() > MAX_VALUE ? a.substring(0, MAX_VALUE) + "…" : a).toArray());
	}

	static List<String> decode(String stored) {
		if (stored == null || stored.isEmpty()) {
			return List.of();
		}
		try (CSVParser parser = CSVParser.parse(new StringReader(stored), CSVFormat.DEFAULT)) {
			List<CSVRecord> records = parser.getRecords();
			return records.isEmpty() ? List.of() : records.get(0).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
