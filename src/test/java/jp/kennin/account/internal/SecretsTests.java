package jp.kennin.account.internal;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@Test
	void codes_are_six_digits_spread_over_the_whole_range() {
		int[] firstDigit = new int[10];
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			String code = Secrets.sixDigitCode();
			assertThat(code).matches("\\d{6}");
			firstDigit[code.charAt(0) - '0']++;
			seen.add(code);
		}
		for (int count : firstDigit) {
			// Expected 10 000 each; 5 sigma is about ±475.
			assertThat(count).isBetween(9_400, 10_600);
		}
		// Birthday bound: 10^5 draws from 10^6 values repeat about 4 900 times.
		assertThat(seen.size()).isBetween(94_000, 96_000);
	}

	@Test
	void tokens_carry_256_random_bits() {
		String token = Secrets.token();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(Secrets.token()).isNotEqualTo(token);
	}

}
