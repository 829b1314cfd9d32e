package jp.kennin.survey.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import jp.kennin.survey.Campaigns.PersonKey;

/**
 * Reads an exclusion list: CSV with the columns 記号, 番号, 枝番 (header row), UTF-8 (with or
 * without BOM) or Windows-31J as Excel writes it.
 */
final class ExclusionCsv {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	private ExclusionCsv() {
	}

	record Result(List<PersonKey> keys, List<String> errors) {
	}

	static Result read(byte[] bytes) throws IOException {
		String text = decode(bytes);
		List<PersonKey> keys = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		var parser = format.parse(new StringReader(text));
		for (String column : List.of("記号", "番号", "枝番")) {
			if (!parser.getHeaderMap().containsKey(column)) {
				errors.add("1行目: 列「" + column + "」がありません（必要な列：記号,番号,枝番）");
			}
		}
		if (!errors.isEmpty()) {
			return new Result(List.of(), errors);
		}
		for (CSVRecord r : parser) {
			long line = r.getRecordNumber() + 1;
			String kigo = nfkc(r.get("記号"));
			String bango = nfkc(r.get("番号"));
			String edaban = nfkc(r.get("枝番"));
			if (edaban.length() == 1) {
				edaban = "0" + edaban;
			}
			if (!kigo.matches("[0-9A-Za-z]{1,8}") || !bango.matches("[0-9A-Za-z]{1,10}") || !edaban.matches("\\d{2}")) {
				errors.add(line + "行目: 記号・番号・枝番の形式が正しくありません");
				continue;
			}
			keys.add(new PersonKey(kigo, bango, edaban));
		}
		return new Result(keys, errors);
	}

	private static String decode(byte[] bytes) throws CharacterCodingException {
		int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return WINDOWS_31J.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
	}

	private static String nfkc(String s) {
		return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip();
	}

}
