package jp.kennin.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared check refuses beyond control characters: half a character (a lone
 * surrogate), which cannot be encoded for the database; whole characters outside the BMP
 * stay allowed.
 */
class NoControlCharactersTests {

	@Test
	void a_lone_surrogate_is_refused_and_a_character_outside_the_bmp_is_not() {
		assertThat(NoControlCharacters.Check.found("𠮷野家", false)).isFalse();
		assertThat(NoControlCharacters.Check.found("家族😀", true)).isFalse();
		assertThat(NoControlCharacters.Check.found("a\uD842b", false)).isTrue();
		assertThat(NoControlCharacters.Check.found("a\uDFB7", true)).isTrue();
		assertThat(NoControlCharacters.Check.found("末尾\uD842", true)).isTrue();
		assertThat(NoControlCharacters.Check.found("NUL\u0000", true)).isTrue();
	}

}
