package jp.kennin.account.internal;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import jp.kennin.roster.KanaName;
import jp.kennin.tenant.TenantCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input normalisers accept whatever width, case and spacing members type.
 */
class InputNormalizerPropertyTests {

	static String fullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append(c == ' ' ? '\u3000' : (char) (c - 0x20 + 0xFF00)));
		return out.toString();
	}

	@Property
	void full_width_digits_and_letters_become_half_width(
			@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 12) String ascii) {
		assertThat(InputNormalizer.halfWidth(fullWidth(ascii))).isEqualTo(ascii);
		assertThat(InputNormalizer.halfWidth(" " + ascii + "\u3000")).isEqualTo(ascii);
	}

	@Property
	void digits_ignore_spaces_hyphens_and_width(@ForAll @NumericChars @StringLength(min = 2, max = 8) String digits) {
		String typed = fullWidth(digits.substring(0, 1)) + " - " + digits.substring(1);
		assertThat(InputNormalizer.digits(typed)).isEqualTo(digits);
	}

	@Property
	void normalising_twice_changes_nothing(@ForAll String typed) {
		String once = InputNormalizer.halfWidth(typed);
		assertThat(InputNormalizer.halfWidth(once)).isEqualTo(once);
	}

	@Property
	void tenant_code_ignores_case_and_width(@ForAll("codes") String code) {
		assertThat(TenantCode.normalize(fullWidth(code.toUpperCase()))).isEqualTo(code);
		assertThat(TenantCode.parse(" " + code.toUpperCase() + " ")).contains(code);
	}

	@Provide
	Arbitrary<String> codes() {
		return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(2).ofMaxLength(20);
	}

	@Property
	void katakana_hiragana_and_half_width_kana_give_the_same_key(@ForAll("katakana") String katakana) {
		String hiragana = katakana.codePoints()
			.map(c -> c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String halfWidth = Normalizer.normalize(katakana, Normalizer.Form.NFKD);
		String key = KanaName.key(katakana);
		assertThat(KanaName.key(hiragana)).isEqualTo(key);
		assertThat(KanaName.key(toHalfWidthKana(katakana))).isEqualTo(key);
		assertThat(KanaName.key(" " + katakana.charAt(0) + "\u3000 " + katakana.substring(1) + " ")).isEqualTo(key);
		assertThat(halfWidth).isNotNull();
	}

	@Provide
	Arbitrary<String> katakana() {
		return Arbitraries.strings()
			.withChars("アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲンャュョッ")
			.ofMinLength(2)
			.ofMaxLength(10);
	}

	static String toHalfWidthKana(String katakana) {
		return Transliterator.getInstance("Fullwidth-Halfwidth").transliterate(katakana);
	}

}
