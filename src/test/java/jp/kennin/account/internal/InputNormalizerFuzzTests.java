package jp.kennin.account.internal;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifier normaliser never throws, leaves no space behind, and is stable:
 * normalising twice gives what normalising once gave (a stored 番号 must match itself when
 * typed again). Seeds in
 * {@code src/test/resources/jp/kennin/account/internal/InputNormalizerFuzzTestsInputs/}.
 */
class InputNormalizerFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void normalisingTwiceIsNormalisingOnce(FuzzedDataProvider data) {
		String typed = data.consumeRemainingAsString();
		String once = InputNormalizer.halfWidth(typed);
		assertThat(InputNormalizer.halfWidth(once)).isEqualTo(once);
		assertThat(once).doesNotContain(" ", "\u3000", "\t", "\n");
		String digits = InputNormalizer.digits(typed);
		assertThat(InputNormalizer.digits(digits)).isEqualTo(digits);
		assertThat(InputNormalizer.userId(typed)).isEqualTo(once);
		assertThat(InputNormalizer.email(typed)).isEqualTo(once);
	}

}
