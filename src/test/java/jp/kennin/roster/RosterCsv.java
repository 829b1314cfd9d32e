package jp.kennin.roster;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds roster CSV files for tests. */
public final class RosterCsv {

	public static final String HEADER = "記号,番号,枝番,本人家族区分,続柄,氏名,氏名カナ,生年月日,性別,メールアドレス,事業所コード,事業所名,同居区分,資格取得日";

	private final StringBuilder text = new StringBuilder(HEADER).append("\r\n");

	public static RosterCsv create() {
		return new RosterCsv();
	}

	public RosterCsv insured(String kigo, String bango, String name, String kana, String birth) {
		return line(kigo + "," + bango + ",00,本人,本人," + name + "," + kana + "," + birth + ",男," + bango
				+ "@example.jp,100,本社,,2010/04/01");
	}

	public RosterCsv family(String kigo, String bango, String edaban, String relationship, String name, String kana,
			String birth) {
		return line(kigo + "," + bango + "," + edaban + ",家族," + relationship + "," + name + "," + kana + "," + birth
				+ ",女,,100,本社,同居,2010/04/01");
	}

	public RosterCsv line(String line) {
		text.append(line).append("\r\n");
		return this;
	}

	public String text() {
		return text.toString();
	}

	public byte[] utf8() {
		return text().getBytes(StandardCharsets.UTF_8);
	}

	public byte[] utf8WithBom() {
		byte[] body = utf8();
		byte[] out = new byte[body.length + 3];
		out[0] = (byte) 0xEF;
		out[1] = (byte) 0xBB;
		out[2] = (byte) 0xBF;
		System.arraycopy(body, 0, out, 3, body.length);
		return out;
	}

	public byte[] windows31j() {
		return text().getBytes(Charset.forName("windows-31j"));
	}

}
