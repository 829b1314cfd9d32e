package jp.kennin.roster.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The columns of the roster CSV, by their (Japanese) header names. All of them must be
 * present.
 */
enum RosterColumn {

	KIGO("記号"), BANGO("番号"), EDABAN("枝番"), KUBUN("本人家族区分"), RELATIONSHIP("続柄"), NAME("氏名"), NAME_KANA("氏名カナ"),
	BIRTH_DATE("生年月日"), GENDER("性別"), EMAIL("メールアドレス"), OFFICE_CODE("事業所コード"), OFFICE_NAME("事業所名"), LIVING("同居区分"),
	QUALIFIED_ON("資格取得日");

	private static final Map<String, RosterColumn> BY_HEADER = new HashMap<>();

	static {
		for (RosterColumn c : values()) {
			BY_HEADER.put(c.header, c);
		}
	}

	final String header;

	RosterColumn(String header) {
		this.header = header;
	}

	static RosterColumn byHeader(String header) {
		return BY_HEADER.get(header);
	}

}
