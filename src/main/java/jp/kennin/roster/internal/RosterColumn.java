package jp.kennin.roster.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The columns of the roster CSV, by their (Japanese) header names. All of them must be
 * present, except the postal columns for letters, which older files do not have.
 */
enum RosterColumn {

	KIGO("記号"), BANGO("番号"), EDABAN("枝番"), KUBUN("本人家族区分"), RELATIONSHIP("続柄"), NAME("氏名"), NAME_KANA("氏名カナ"),
	BIRTH_DATE("生年月日"), GENDER("性別"), EMAIL("メールアドレス"), OFFICE_CODE("事業所コード"), OFFICE_NAME("事業所名"), LIVING("同居区分"),
	QUALIFIED_ON("資格取得日"), POSTAL_CODE("郵便番号", true), ADDRESS1("住所1", true), ADDRESS2("住所2", true),
	ADDRESSEE("宛名", true);

	private static final Map<String, RosterColumn> BY_HEADER = new HashMap<>();

	static {
		for (RosterColumn c : values()) {
			BY_HEADER.put(c.header, c);
		}
	}

	final String header;

	/** Whether a file may leave the column out. */
	final boolean optional;

	RosterColumn(String header) {
		this(header, false);
	}

	RosterColumn(String header, boolean optional) {
		this.header = header;
		this.optional = optional;
	}

	/** Whether the column is one of the postal columns for letters. */
	boolean postal() {
		return optional;
	}

	static RosterColumn byHeader(String header) {
		return BY_HEADER.get(header);
	}

}
