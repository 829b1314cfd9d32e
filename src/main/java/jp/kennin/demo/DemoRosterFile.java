package jp.kennin.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.RosterPerson;

import org.springframework.core.io.ClassPathResource;

/**
 * Reads the demo roster shipped in {@code demo/roster.csv} (the roster CSV format, see
 * docs/roster-csv.md). The file is ours and well-formed, so this reader does not
 * validate.
 */
final class DemoRosterFile {

	static final String LOCATION = "demo/roster.csv";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private DemoRosterFile() {
	}

	static List<RosterPerson> read() throws IOException {
		List<RosterPerson> people = new ArrayList<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource(LOCATION).getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				boolean insured = "本人".equals(r.get("本人家族区分"));
				String together = r.get("同居区分");
				people.add(new RosterPerson(0, 0, r.get("記号"), r.get("番号"), r.get("枝番"), insured, r.get("続柄"),
						RelationshipCategory.fromWord(r.get("続柄")), r.get("氏名"), r.get("氏名カナ"),
						LocalDate.parse(r.get("生年月日"), DATE),
						"男".equals(r.get("性別")) ? RosterPerson.Gender.MALE : RosterPerson.Gender.FEMALE,
						blankToNull(r.get("メールアドレス")), r.get("事業所コード"), r.get("事業所名"),
						together.isEmpty() ? null : "同居".equals(together), LocalDate.parse(r.get("資格取得日"), DATE),
						true));
			}
		}
		return people;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
