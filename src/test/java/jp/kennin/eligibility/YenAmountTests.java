package jp.kennin.eligibility;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class YenAmountTests {

	@ParameterizedTest(name = "「{0}」 → {1}")
	@CsvSource(delimiter = ';',
			value = { "1200000;1200000", "1,200,000;1200000", "１，２００，０００;1200000", "１２０００００;1200000",
					"¥1,200,000;1200000", "￥１，２００，０００円;1200000", "1200000円;1200000", "120万;1200000", "１２０万円;1200000",
					"12.5万;125000", "120万5000;1205000", "  130 万 ;1300000", "0;0", "1 299 999;1299999",
					"1、299、999;1299999" })
	void reads_what_members_type(String typed, long yen) {
		YenAmount.Parsed parsed = YenAmount.parse(typed);

		assertThat(parsed.valid()).isTrue();
		assertThat(parsed.yen()).isEqualTo(yen);
	}

	@ParameterizedTest(name = "「{0}」 → {1}")
	@CsvSource(delimiter = ';',
			value = { "abc;eligibility.amount.invalid", "12.5;eligibility.amount.invalid",
					"1.23456万;eligibility.amount.invalid", "120万12000;eligibility.amount.invalid",
					"-5000;eligibility.amount.negative", "－５０００;eligibility.amount.negative",
					"百万;eligibility.amount.invalid", "999999999999;eligibility.amount.tooLarge",
					"99999999999999999999999;eligibility.amount.tooLarge", "1e6;eligibility.amount.invalid" })
	void refuses_what_is_not_an_amount(String typed, String errorKey) {
		YenAmount.Parsed parsed = YenAmount.parse(typed);

		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.errorKey()).isEqualTo(errorKey);
	}

	@Test
	void nothing_typed_is_blank_not_an_error() {
		assertThat(YenAmount.parse("").blank()).isTrue();
		assertThat(YenAmount.parse("　").blank()).isTrue();
		assertThat(YenAmount.parse(null).blank()).isTrue();
	}

	/**
	 * The input {@code YenAmountFuzzTests} wrote as a crash (now a replayed seed,
	 * {@code YenAmountFuzzTestsInputs/parseGivesAValueOrATypedError/crash-43cc8522…}),
	 * decoded by Jazzer's FuzzedDataProvider: a typed error, no exception.
	 */
	@Test
	void the_fuzzers_crash_input_is_refused_as_not_an_amount() {
		String typed = "1\u4bb85\u01d6" + "V".repeat(72) + "\u25b2VVV";

		assertThat(YenAmount.parse(typed).errorKey()).isEqualTo("eligibility.amount.invalid");
	}

	/**
	 * A form field may carry 2 MB: a number of a million digits took 15 s to refuse (and
	 * 「1.000…万」 with 100,000 zeros 10 s), one request thread per such post.
	 */
	@Test
	void a_very_long_number_is_answered_at_once() {
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			assertThat(YenAmount.parse("9".repeat(1_000_000)).errorKey()).isEqualTo("eligibility.amount.tooLarge");
			assertThat(YenAmount.parse("9".repeat(1_000_000) + "万").errorKey())
				.isEqualTo("eligibility.amount.tooLarge");
			assertThat(YenAmount.parse("1." + "1".repeat(1_000_000) + "万").errorKey())
				.isEqualTo("eligibility.amount.invalid");
			assertThat(YenAmount.parse("1万" + "1".repeat(1_000_000)).errorKey())
				.isEqualTo("eligibility.amount.invalid");
			// Zeros that change nothing still read as the amount.
			assertThat(YenAmount.parse("0".repeat(1_000_000) + "1200000").yen()).isEqualTo(1_200_000L);
			assertThat(YenAmount.parse("1." + "0".repeat(1_000_000) + "万").yen()).isEqualTo(10_000L);
			assertThat(YenAmount.parse("1万" + "0".repeat(1_000_000) + "5").yen()).isEqualTo(10_005L);
		});
	}

}
