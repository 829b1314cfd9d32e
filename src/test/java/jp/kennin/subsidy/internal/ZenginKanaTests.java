package jp.kennin.subsidy.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names as typed by members become the half-width kana of a 全銀協 file. */
class ZenginKanaTests {

	@Test
	void voiced_marks_become_a_second_character() {
		assertThat(ZenginKana.convert("ガッコウ")).isEqualTo("ｶﾞﾂｺｳ");
		assertThat(ZenginKana.convert("ヤマダ　タロウ")).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(ZenginKana.convert("パピプペポ")).isEqualTo("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ");
		assertThat(ZenginKana.convert("ヴ")).isEqualTo("ｳﾞ");
		assertThat(ZenginKana.convert("ガ").length()).isEqualTo(2);
	}

	@Test
	void small_kana_become_large() {
		assertThat(ZenginKana.convert("キョウコ")).isEqualTo("ｷﾖｳｺ");
		assertThat(ZenginKana.convert("ハットリ")).isEqualTo("ﾊﾂﾄﾘ");
		assertThat(ZenginKana.convert("ｷｮｳｺ")).isEqualTo("ｷﾖｳｺ");
		assertThat(ZenginKana.convert("ファ")).isEqualTo("ﾌｱ");
	}

	@Test
	void the_long_vowel_mark_becomes_a_hyphen() {
		assertThat(ZenginKana.convert("ユーコ")).isEqualTo("ﾕ-ｺ");
	}

	@Test
	void hiragana_spaces_digits_and_letters_are_converted() {
		assertThat(ZenginKana.convert("やまだ　はなこ")).isEqualTo("ﾔﾏﾀﾞ ﾊﾅｺ");
		assertThat(ZenginKana.convert("ＡＢＣ　ｄｅｆ１２３")).isEqualTo("ABC DEF123");
		assertThat(ZenginKana.convert("カ）ケンポ")).isEqualTo("ｶ)ｹﾝﾎﾟ");
	}

	@Test
	void characters_outside_the_set_are_refused_with_a_message() {
		assertThatThrownBy(() -> ZenginKana.convert("山田タロウ")).isInstanceOf(ZenginKana.Unconvertible.class)
			.hasMessageContaining("「山」")
			.hasMessageContaining("使えない文字");
		assertThatThrownBy(() -> ZenginKana.convert("ヤマダ★")).isInstanceOf(ZenginKana.Unconvertible.class)
			.satisfies((ex) -> assertThat(((ZenginKana.Unconvertible) ex).character()).isEqualTo('★'));
	}

}
