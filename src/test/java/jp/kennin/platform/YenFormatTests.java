package jp.kennin.platform;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Yen amounts and limits in Japanese and English. */
class YenFormatTests {

	@Test
	void amounts() {
		assertThat(YenFormat.amount(1_300_000L, Locale.JAPANESE)).isEqualTo("1,300,000円");
		assertThat(YenFormat.amount(0L, Locale.JAPANESE)).isEqualTo("0円");
		assertThat(YenFormat.amount(1_300_000L, Locale.ENGLISH)).isEqualTo("¥1,300,000");
		assertThat(YenFormat.amount(null, Locale.ENGLISH)).isEmpty();
	}

	@Test
	void limits_are_written_in_man_in_japanese_only() {
		assertThat(YenFormat.limit(1_500_000L, Locale.JAPANESE)).isEqualTo("150万円");
		assertThat(YenFormat.limit(1_234_567L, Locale.JAPANESE)).isEqualTo("1,234,567円");
		assertThat(YenFormat.limit(0L, Locale.JAPANESE)).isEqualTo("0円");
		assertThat(YenFormat.limit(1_500_000L, Locale.ENGLISH)).isEqualTo("¥1,500,000");
		assertThat(YenFormat.limit(1_500_000L, Locale.UK)).isEqualTo("¥1,500,000");
	}

}
