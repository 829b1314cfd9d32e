package jp.kennin.account.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases the fuzzer found (InputNormalizerFuzzTests). */
class InputNormalizerTests {

	@Test
	void a_dropped_hyphen_before_a_combining_mark_gives_a_stable_result() {
		// "a-¨b": NFKC makes ¨ a space plus U+0308; dropping the hyphen then put the
		// mark after "a", and only a second call composed it into "ä".
		String once = InputNormalizer.digits("a-\u00A8b");
		assertThat(once).isEqualTo("\u00E4b");
		assertThat(InputNormalizer.digits(once)).isEqualTo(once);
	}

}
