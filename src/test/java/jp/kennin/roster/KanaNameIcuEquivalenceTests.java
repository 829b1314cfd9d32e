package jp.kennin.roster;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.Transliterator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KanaName once called ICU's "Halfwidth-Fullwidth; Hiragana-Katakana"; it now converts in
 * plain Java. ICU stays a test dependency so that these tests prove the two agree on
 * everything a kana name is typed with: ASCII, both spaces, full-width forms, hiragana,
 * katakana, half-width kana with their voiced marks, and kanji. (They differ on text no
 * kana name holds, such as Tibetan vowel signs, which ICU also decomposes.)
 */
class KanaNameIcuEquivalenceTests {

	private static final Transliterator ICU = Transliterator.getInstance("Halfwidth-Fullwidth; Hiragana-Katakana");

	/**
	 * Every character of the kana-name alphabet, plus the marks that join or fail to
	 * join.
	 */
	static List<Character> alphabet() {
		List<Character> chars = new ArrayList<>();
		range(chars, ' ', '~');
		range(chars, '\u3000', '\u3003');
		range(chars, '\u3041', '\u30FF');
		range(chars, '\uFF01', '\uFF5E');
		range(chars, '\uFF61', '\uFF9F');
		range(chars, '\uFFE0', '\uFFEE');
		range(chars, '\u32D0', '\u32FE');
		range(chars, '\u3300', '\u3357');
		for (char c : "¢£¬¯¦¥₩一郎山田太花子　\t".toCharArray()) {
			chars.add(c);
		}
		return chars;
	}

	private static void range(List<Character> to, char from, char through) {
		for (char c = from; c <= through; c++) {
			to.add(c);
		}
	}

	@Test
	void every_character_and_every_pair_converts_as_icu_did() {
		List<Character> chars = alphabet();
		for (char a : chars) {
			assertSame(String.valueOf(a));
			for (char b : chars) {
				assertSame(new String(new char[] { a, b }));
			}
		}
	}

	@Property(tries = 3000)
	void names_of_any_mix_convert_as_icu_did(@ForAll("names") String typed) {
		assertSame(typed);
		assertThat(KanaName.display(typed))
			.isEqualTo(ICU.transliterate(typed.strip()).replaceAll("[\\s\u3000]+", "\u3000").strip());
	}

	@Provide
	Arbitrary<String> names() {
		return Arbitraries.of(alphabet()).list().ofMinSize(1).ofMaxSize(16).map(list -> {
			StringBuilder s = new StringBuilder();
			list.forEach(s::append);
			return s.toString();
		});
	}

	private static void assertSame(String typed) {
		assertThat(hex(KanaName.toFullWidthKatakana(typed))).as(hex(typed)).isEqualTo(hex(ICU.transliterate(typed)));
	}

	private static String hex(String s) {
		StringBuilder out = new StringBuilder();
		s.chars().forEach(c -> out.append(String.format("%04X ", c)));
		return out.toString();
	}

}
