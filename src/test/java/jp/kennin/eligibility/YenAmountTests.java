package jp.kennin.eligibility;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

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

}
