package jp.kennin.roster;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kana normaliser never throws and is stable: the display form and the matching key
 * of a normalised name are the name itself, so a name read from the roster matches the
 * same name typed again. Seeds in
 * {@code src/test/resources/jp/kennin/roster/KanaNameFuzzTestsInputs/}.
 */
class KanaNameFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void normalisingTwiceIsNormalisingOnce(FuzzedDataProvider data) {
		String typed = data.consumeRemainingAsString();
		String display = KanaName.display(typed);
		String key = KanaName.key(typed);
		assertThat(KanaName.display(display)).isEqualTo(display);
		assertThat(KanaName.key(display)).isEqualTo(key);
		assertThat(KanaName.key(key)).isEqualTo(key);
		assertThat(key).doesNotContain("\u3000");
		assertThat(display).doesNotStartWith("\u3000").doesNotEndWith("\u3000").doesNotContain("\u3000\u3000");
		assertThat(KanaName.isKatakana(display)).isEqualTo(KanaName.isKatakana(typed));
	}

}
