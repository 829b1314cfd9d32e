package jp.kennin.eligibility;

import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a member types as an amount, the parser answers blank, a yen value or one of
 * its three error keys, never an exception; a valid amount, written back the ways Kennin
 * and members write it, reads as the same amount. Seeds in
 * {@code src/test/resources/jp/kennin/eligibility/YenAmountFuzzTestsInputs/}.
 */
class YenAmountFuzzTests {

	private static final Set<String> ERRORS = Set.of("eligibility.amount.invalid", "eligibility.amount.negative",
			"eligibility.amount.tooLarge");

	@FuzzTest(maxDuration = "60s")
	void parseGivesAValueOrATypedError(FuzzedDataProvider data) {
		String typed = data.consumeRemainingAsString();
		YenAmount.Parsed parsed = YenAmount.parse(typed);
		if (parsed.blank()) {
			return;
		}
		if (!parsed.valid()) {
			assertThat(parsed.errorKey()).isIn(ERRORS);
			return;
		}
		long yen = parsed.yen();
		assertThat(parsed.errorKey()).isNull();
		assertThat(yen).isBetween(0L, YenAmount.MAX);
		assertThat(YenAmount.parse(Long.toString(yen)).yen()).isEqualTo(yen);
		assertThat(YenAmount.parse(String.format("%,d円", yen)).yen()).isEqualTo(yen);
		if (yen >= 10_000) {
			long rest = yen % 10_000;
			String man = (yen / 10_000) + "万" + ((rest == 0) ? "" : Long.toString(rest));
			assertThat(YenAmount.parse(man).yen()).as(man).isEqualTo(yen);
		}
	}

}
