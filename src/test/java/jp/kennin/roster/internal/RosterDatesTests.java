package jp.kennin.roster.internal;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RosterDatesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "1980/04/01|1980-04-01", "1980-04-01|1980-04-01", "19800401|1980-04-01", "1980/4/1|1980-04-01",
					"１９８０／０４／０１|1980-04-01", "S55.04.01|1980-04-01", "S55/4/1|1980-04-01", "s55.4.1|1980-04-01",
					"昭和55年4月1日|1980-04-01", "H1.01.08|1989-01-08", "平成元年1月8日|1989-01-08", "R1.05.01|2019-05-01",
					"令和元年5月1日|2019-05-01", "令和6年12月31日|2024-12-31", "T15.12.24|1926-12-24", "大正15年12月24日|1926-12-24",
					"S64.01.07|1989-01-07" })
	void reads_western_and_japanese_era_dates(String written, LocalDate expected) {
		assertThat(RosterDates.parse(written)).contains(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "1985/13/01", "2023/02/30", "S64.01.08", "H31.05.01", "R0.1.1", "X55.04.01", "1980.04.01x",
			"昨日", "", "55/04/01", "明治30年1月1日" })
	void rejects_what_is_not_a_date(String written) {
		assertThat(RosterDates.parse(written)).isEmpty();
	}

}
