package jp.kennin.roster.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte-exact checks of the binary COPY encoding (the PostgreSQL integration tests load it
 * for real).
 */
class CopyBinaryTests {

	@Test
	void header_row_and_trailer() {
		CopyBinary c = new CopyBinary(4);
		c.header();
		c.row(2);
		c.int8(1);
		c.nul();
		c.trailer();
		assertThat(hex(c)).isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000" + "0002" + "00000008"
				+ "0000000000000001" + "ffffffff" + "ffff");
	}

	@Test
	void dates_and_timestamps_count_from_2000() {
		CopyBinary c = new CopyBinary(4);
		c.date(LocalDate.of(2000, 1, 1));
		c.date(LocalDate.of(1999, 12, 31));
		c.timestamp(Instant.parse("2000-01-01T00:00:01.000002Z"));
		c.date(null);
		assertThat(hex(c)).isEqualTo(
				"00000004" + "00000000" + "00000004" + "ffffffff" + "00000008" + "00000000000f4242" + "ffffffff");
	}

	@Test
	void text_is_utf8_with_its_byte_length_and_booleans_are_one_byte() {
		CopyBinary c = new CopyBinary(1);
		c.text("a髙\uD842\uDFB7");
		c.bool(true);
		c.bool(false);
		c.bool(null);
		assertThat(hex(c))
			.isEqualTo("00000008" + "61" + "e9ab99" + "f0a0aeb7" + "0000000101" + "0000000100" + "ffffffff");
	}

	@Test
	void take_empties_the_buffer() {
		CopyBinary c = new CopyBinary(1);
		c.text("");
		assertThat(c.take()).hasSize(4);
		assertThat(c.size()).isZero();
	}

	private static String hex(CopyBinary c) {
		return HexFormat.of().formatHex(c.take());
	}

}
