package jp.kennin.subsidy.internal;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.subsidy.internal.ZenginTransferFile.Source;
import jp.kennin.subsidy.internal.ZenginTransferFile.Transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 全銀協 総合振込 file read back byte by byte. */
class ZenginTransferFileTests {

	private static final Charset SJIS = Charset.forName("Windows-31J");

	private static final Source SOURCE = new Source("1234567890", "ケンコウホケンクミアイ", "0001", "ミズホ", "123", "ホンテン",
			"ORDINARY", "7654321");

	@Test
	void records_are_fixed_width_with_header_data_trailer_and_end() {
		byte[] file = ZenginTransferFile.write(SOURCE, LocalDate.of(2026, 12, 25),
				List.of(new Transfer("0005", "ミツビシユーエフジェイ", "001", "トウキョウ", "ORDINARY", "1234567", "ヤマダ　タロウ", 2000,
						"1234-56"),
						new Transfer("9900", "ゆうちょ銀行", "018", "〇一八", "SAVINGS", "89", "スズキ　ジュンコ", 13500, null)));
		assertThat(file.length).as("header, two data records, trailer, end; CRLF between").isEqualTo(5 * 120 + 4 * 2);
		List<byte[]> records = records(file);
		assertThat(records).hasSize(5);
		records.forEach((r) -> assertThat(r).hasSize(120));
		assertThat(Arrays.copyOfRange(file, 120, 122)).containsExactly('\r', '\n');
		assertThat(file[file.length - 1]).isEqualTo((byte) ' ');

		byte[] h = records.get(0);
		assertThat(field(h, 0, 1)).isEqualTo("1");
		assertThat(field(h, 1, 2)).isEqualTo("21");
		assertThat(field(h, 3, 1)).isEqualTo("0");
		assertThat(field(h, 4, 10)).isEqualTo("1234567890");
		assertThat(field(h, 14, 40)).isEqualTo("ｹﾝｺｳﾎｹﾝｸﾐｱｲ" + " ".repeat(29));
		assertThat(field(h, 54, 4)).isEqualTo("1225");
		assertThat(field(h, 58, 4)).isEqualTo("0001");
		assertThat(field(h, 62, 15)).isEqualTo("ﾐｽﾞﾎ" + " ".repeat(11));
		assertThat(field(h, 77, 3)).isEqualTo("123");
		assertThat(field(h, 80, 15)).isEqualTo("ﾎﾝﾃﾝ" + " ".repeat(11));
		assertThat(field(h, 95, 1)).isEqualTo("1");
		assertThat(field(h, 96, 7)).isEqualTo("7654321");
		assertThat(field(h, 103, 17)).isBlank();
		// half-width kana are one byte each
		assertThat(h[14] & 0xff).isEqualTo(0xB9);

		byte[] d1 = records.get(1);
		assertThat(field(d1, 0, 1)).isEqualTo("2");
		assertThat(field(d1, 1, 4)).isEqualTo("0005");
		assertThat(field(d1, 5, 15)).isEqualTo("ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ  ");
		assertThat(field(d1, 20, 3)).isEqualTo("001");
		assertThat(field(d1, 23, 15)).isEqualTo("ﾄｳｷﾖｳ" + " ".repeat(10));
		assertThat(field(d1, 38, 4)).isBlank();
		assertThat(field(d1, 42, 1)).isEqualTo("1");
		assertThat(field(d1, 43, 7)).isEqualTo("1234567");
		assertThat(field(d1, 50, 30)).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ" + " ".repeat(22));
		assertThat(field(d1, 80, 10)).isEqualTo("0000002000");
		assertThat(field(d1, 90, 1)).isEqualTo("0");
		assertThat(field(d1, 91, 10)).isEqualTo("1234-56   ");
		assertThat(field(d1, 101, 10)).isBlank();
		assertThat(field(d1, 111, 1)).isEqualTo("7");
		assertThat(field(d1, 112, 8)).isBlank();

		byte[] d2 = records.get(2);
		assertThat(field(d2, 1, 4)).isEqualTo("9900");
		// a bank name in kanji cannot be written: left blank (the code is what counts)
		assertThat(field(d2, 5, 15)).isBlank();
		assertThat(field(d2, 20, 3)).isEqualTo("018");
		assertThat(field(d2, 23, 15)).isBlank();
		assertThat(field(d2, 42, 1)).isEqualTo("4");
		assertThat(field(d2, 43, 7)).isEqualTo("0000089");
		assertThat(field(d2, 50, 30).strip()).isEqualTo("ｽｽﾞｷ ｼﾞﾕﾝｺ");
		assertThat(field(d2, 80, 10)).isEqualTo("0000013500");

		byte[] t = records.get(3);
		assertThat(field(t, 0, 1)).isEqualTo("8");
		assertThat(field(t, 1, 6)).isEqualTo("000002");
		assertThat(field(t, 7, 12)).isEqualTo("000000015500");
	}

	@Test
	void the_trailer_counts_and_sums_and_the_end_record_closes() {
		byte[] file = ZenginTransferFile.write(SOURCE, LocalDate.of(2027, 1, 5),
				List.of(new Transfer("0005", "", "001", "", "ORDINARY", "1234567", "ア", 1000, ""),
						new Transfer("0005", "", "001", "", "CURRENT", "1234568", "イ", 2500, ""),
						new Transfer("0005", "", "001", "", "ORDINARY", "1234569", "ウ", 999999, "")));
		List<byte[]> records = records(file);
		assertThat(records).hasSize(6);
		assertThat(field(records.get(0), 54, 4)).isEqualTo("0105");
		assertThat(field(records.get(2), 42, 1)).isEqualTo("2");
		byte[] trailer = records.get(4);
		assertThat(field(trailer, 0, 1)).isEqualTo("8");
		assertThat(field(trailer, 1, 6)).isEqualTo("000003");
		assertThat(field(trailer, 7, 12)).isEqualTo("000001003499");
		assertThat(field(trailer, 19, 101)).isBlank();
		byte[] end = records.get(5);
		assertThat(field(end, 0, 1)).isEqualTo("9");
		assertThat(field(end, 1, 119)).isBlank();
	}

	@Test
	void a_holder_name_without_kana_is_refused() {
		assertThatThrownBy(() -> ZenginTransferFile.write(SOURCE, LocalDate.of(2027, 1, 5),
				List.of(new Transfer("0005", "", "001", "", "ORDINARY", "1234567", "山田", 1000, ""))))
			.isInstanceOf(ZenginKana.Unconvertible.class);
	}

	private static List<byte[]> records(byte[] file) {
		List<byte[]> out = new ArrayList<>();
		int at = 0;
		while (at < file.length) {
			out.add(Arrays.copyOfRange(file, at, at + 120));
			at += 120;
			if (at < file.length) {
				assertThat(file[at]).isEqualTo((byte) '\r');
				assertThat(file[at + 1]).isEqualTo((byte) '\n');
				at += 2;
			}
		}
		return out;
	}

	private static String field(byte[] record, int from, int length) {
		return new String(record, from, length, SJIS);
	}

}
