package jp.kennin.eligibility;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class YenAmountPropertyTests {

	@Property(tries = 500)
	void any_amount_typed_in_full_width_with_commas_reads_back(
			@ForAll @LongRange(min = 0, max = 99_999_999_999L) long yen) {
		String halfWidth = String.format(Locale.ROOT, "%,d", yen);
		StringBuilder fullWidth = new StringBuilder();
		halfWidth.chars().forEach(c -> fullWidth.append(c == ',' ? '，' : (char) (c - '0' + '０')));

		assertThat(YenAmount.parse(fullWidth + "円").yen()).isEqualTo(yen);
		assertThat(YenAmount.parse(halfWidth).yen()).isEqualTo(yen);
	}

}
