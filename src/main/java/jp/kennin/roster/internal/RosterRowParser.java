package jp.kennin.roster.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import jp.kennin.roster.KanaName;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.RosterPerson;

/**
 * Checks one data row and turns it into a {@link StagedRow}, or reports one problem per
 * bad cell. Key fields are NFKC-normalised (全角の数字・英字 become half-width), because members
 * type them that way at sign-up and the roster must match.
 */
final class RosterRowParser {

	private static final Pattern KIGO = Pattern.compile("[0-9A-Za-z]{1,8}");

	private static final Pattern BANGO = Pattern.compile("[0-9A-Za-z]{1,10}");

	private static final Pattern EDABAN = Pattern.compile("[0-9]{1,2}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private final LocalDate today;

	RosterRowParser(LocalDate today) {
		this.today = today;
	}

	/**
	 * @return the row, or null if it had problems (added to {@code problems})
	 */
	StagedRow parse(int line, Map<RosterColumn, String> cells, ProblemSink problems) {
		int before = problems.total();
		Errors e = new Errors(line, problems);
		String kigo = nfkc(cells.get(RosterColumn.KIGO));
		check(e, RosterColumn.KIGO, kigo, KIGO, "kigoFormat");
		String bango = nfkc(cells.get(RosterColumn.BANGO));
		check(e, RosterColumn.BANGO, bango, BANGO, "bangoFormat");
		String edaban = nfkc(cells.get(RosterColumn.EDABAN));
		check(e, RosterColumn.EDABAN, edaban, EDABAN, "edabanFormat");
		// Excel drops the leading zero of "01"; restore it.
		if (edaban.length() == 1 && Character.isDigit(edaban.charAt(0))) {
			edaban = "0" + edaban;
		}
		String kubun = strip(cells.get(RosterColumn.KUBUN));
		boolean insured = "本人".equals(kubun);
		boolean kubunValid = insured || "家族".equals(kubun);
		if (!kubunValid) {
			if (kubun.isEmpty()) {
				e.add(RosterColumn.KUBUN, "required");
			}
			else {
				e.add(RosterColumn.KUBUN, "kubun", kubun);
			}
		}
		else if (EDABAN.matcher(edaban).matches() && insured != RosterPerson.INSURED_EDABAN.equals(edaban)) {
			if (insured) {
				e.add(RosterColumn.EDABAN, "insuredEdaban", edaban);
			}
			else {
				e.add(RosterColumn.EDABAN, "familyEdaban");
			}
		}
		String relationship = strip(cells.get(RosterColumn.RELATIONSHIP));
		RelationshipCategory category = RelationshipCategory.fromWord(relationship);
		if (insured) {
			if (!relationship.isEmpty() && category != RelationshipCategory.SELF) {
				e.add(RosterColumn.RELATIONSHIP, "insuredRelationship", relationship);
			}
			relationship = "本人";
			category = RelationshipCategory.SELF;
		}
		else if (!kubunValid) {
			// 続柄 and 同居区分 depend on 本人/家族; one error for the row's 区分 is enough.
		}
		else if (relationship.isEmpty()) {
			e.add(RosterColumn.RELATIONSHIP, "familyRelationship");
		}
		else if (category == null || category == RelationshipCategory.SELF) {
			e.add(RosterColumn.RELATIONSHIP, "unknownRelationship", relationship);
		}
		String name = collapse(strip(cells.get(RosterColumn.NAME)), " ");
		if (name.isEmpty()) {
			e.add(RosterColumn.NAME, "required");
		}
		else if (name.length() > 100) {
			e.add(RosterColumn.NAME, "maxLength", 100);
		}
		else if (hasControl(name)) {
			e.add(RosterColumn.NAME, "control");
		}
		String kana = kana(strip(cells.get(RosterColumn.NAME_KANA)));
		if (kana.isEmpty()) {
			e.add(RosterColumn.NAME_KANA, "required");
		}
		else if (!katakana(kana) || kana.length() > 100) {
			e.add(RosterColumn.NAME_KANA, "katakana", strip(cells.get(RosterColumn.NAME_KANA)));
		}
		LocalDate birth = date(e, RosterColumn.BIRTH_DATE, cells.get(RosterColumn.BIRTH_DATE), true);
		if (birth != null && birth.isAfter(today)) {
			e.add(RosterColumn.BIRTH_DATE, "futureDate", strip(cells.get(RosterColumn.BIRTH_DATE)));
		}
		String gender = gender(e, strip(cells.get(RosterColumn.GENDER)));
		String email = strip(cells.get(RosterColumn.EMAIL));
		if (!email.isEmpty() && !insured) {
			e.add(RosterColumn.EMAIL, "familyEmail");
		}
		else if (!email.isEmpty() && (email.length() > 254 || hasControl(email) || !EMAIL.matcher(email).matches())) {
			e.add(RosterColumn.EMAIL, "email", email);
		}
		String officeCode = nfkc(cells.get(RosterColumn.OFFICE_CODE));
		if (officeCode.length() > 20) {
			e.add(RosterColumn.OFFICE_CODE, "maxLength", 20);
		}
		String officeName = strip(cells.get(RosterColumn.OFFICE_NAME));
		if (officeName.length() > 100) {
			e.add(RosterColumn.OFFICE_NAME, "maxLength", 100);
		}
		else if (hasControl(officeName)) {
			e.add(RosterColumn.OFFICE_NAME, "control");
		}
		Boolean living = kubunValid ? living(e, insured, strip(cells.get(RosterColumn.LIVING))) : null;
		LocalDate qualified = date(e, RosterColumn.QUALIFIED_ON, cells.get(RosterColumn.QUALIFIED_ON), false);
		String postalCode = postalCode(e, insured, nfkc(cells.get(RosterColumn.POSTAL_CODE)));
		String address1 = postalText(e, insured, RosterColumn.ADDRESS1, cells);
		String address2 = postalText(e, insured, RosterColumn.ADDRESS2, cells);
		String addressee = postalText(e, insured, RosterColumn.ADDRESSEE, cells);
		if (problems.total() > before) {
			return null;
		}
		return new StagedRow(line, kigo, bango, edaban, insured, relationship, category, name, kana,
				kana.replace("\u3000", ""), birth, gender, blankToNull(email), blankToNull(officeCode),
				blankToNull(officeName), living, qualified, postalCode, address1, address2, addressee);
	}

	/**
	 * 7 digits, with or without the hyphen (full-width digits and 〒 are accepted), stored
	 * as {@code 123-4567}.
	 */
	private static String postalCode(Errors e, boolean insured, String value) {
		String digits = value.replace("〒", "").replace("-", "").replace("ー", "").replace("−", "").strip();
		if (digits.isEmpty()) {
			return null;
		}
		if (!insured) {
			e.add(RosterColumn.POSTAL_CODE, "familyPostal");
			return null;
		}
		if (!digits.matches("[0-9]{7}")) {
			e.add(RosterColumn.POSTAL_CODE, "postalCode", value);
			return null;
		}
		return digits.substring(0, 3) + "-" + digits.substring(3);
	}

	/** 住所1, 住所2 or 宛名: up to 100 characters on the 本人 row, empty on 家族 rows. */
	private static String postalText(Errors e, boolean insured, RosterColumn column, Map<RosterColumn, String> cells) {
		String value = collapse(strip(cells.get(column)), " ");
		if (value.isEmpty()) {
			return null;
		}
		if (!insured) {
			e.add(column, "familyPostal");
		}
		else if (value.length() > 100) {
			e.add(column, "maxLength", 100);
		}
		else if (hasControl(value)) {
			e.add(column, "control");
		}
		return value;
	}

	private static void check(Errors e, RosterColumn column, String value, Pattern format, String code) {
		if (value.isEmpty()) {
			e.add(column, "required");
		}
		else if (!asciiAlnum(value, format == KIGO ? 8 : format == BANGO ? 10 : 2, format == EDABAN)
				&& !format.matcher(value).matches()) {
			e.add(column, code, value);
		}
	}

	private static LocalDate date(Errors e, RosterColumn column, String raw, boolean required) {
		String value = strip(raw);
		if (value.isEmpty()) {
			if (required) {
				e.add(column, "required");
			}
			return null;
		}
		LocalDate date = RosterDates.parse(value).orElse(null);
		if (date == null) {
			e.add(column, "date", value);
		}
		return date;
	}

	private static String gender(Errors e, String value) {
		return switch (nfkc(value)) {
			case "" -> null;
			case "男", "1" -> "M";
			case "女", "2" -> "F";
			default -> {
				e.add(RosterColumn.GENDER, "gender", value);
				yield null;
			}
		};
	}

	private static Boolean living(Errors e, boolean insured, String value) {
		if (insured) {
			if (!value.isEmpty()) {
				e.add(RosterColumn.LIVING, "insuredLiving", value);
			}
			return null;
		}
		return switch (value) {
			case "同居" -> Boolean.TRUE;
			case "別居" -> Boolean.FALSE;
			default -> {
				if (value.isEmpty()) {
					e.add(RosterColumn.LIVING, "familyLiving");
				}
				else {
					e.add(RosterColumn.LIVING, "living", value);
				}
				yield null;
			}
		};
	}

	/**
	 * Most rosters already hold full-width katakana; skip the (slow) ICU transliteration
	 * for them.
	 */
	static String kana(String typed) {
		boolean plain = !typed.isEmpty();
		for (int i = 0; i < typed.length() && plain; i++) {
			char c = typed.charAt(i);
			plain = (c >= 0x30A1 && c <= 0x30FC) || c == ' ' || c == '\u3000';
		}
		return plain ? collapse(typed.strip(), "\u3000") : KanaName.display(typed);
	}

	/**
	 * NFKC, skipped for plain ASCII (nearly every key cell), which it would not change.
	 */
	/**
	 * The same test as {@link KanaName#isKatakana} on an already normalised name, without
	 * running the ICU transliteration a second time (it dominated the import time).
	 */
	private static boolean katakana(String display) {
		boolean any = false;
		for (int i = 0; i < display.length(); i++) {
			char c = display.charAt(i);
			if (c == '\u3000') {
				continue;
			}
			if (!((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x30FB)) {
				return false;
			}
			any = true;
		}
		return any;
	}

	private static String nfkc(String value) {
		String s = strip(value);
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) >= 0x80) {
				return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
			}
		}
		return s;
	}

	/** Runs of half- and full-width spaces become one {@code space}. */
	private static String collapse(String s, String space) {
		char sp = space.charAt(0);
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean blank = c == ' ' || c == '\u3000';
			boolean afterBlank = i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\u3000');
			if (out == null && blank && (c != sp || afterBlank)) {
				out = new StringBuilder(s.length()).append(s, 0, i);
			}
			if (out != null && !(blank && afterBlank)) {
				out.append(blank ? sp : c);
			}
		}
		return out == null ? s : out.toString();
	}

	/**
	 * The common case of the key formats without a regex: 1 to {@code max} ASCII letters
	 * or digits (digits only if {@code digitsOnly}). False means "ask the regex", which
	 * gives the answer either way.
	 */
	private static boolean asciiAlnum(String s, int max, boolean digitsOnly) {
		if (s.length() > max) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean digit = c >= '0' && c <= '9';
			if (!digit && (digitsOnly || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Control characters (a NUL byte, a line break inside quotes) would end up in letters
	 * and screens.
	 */
	private static boolean hasControl(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private record Errors(int line, ProblemSink problems) {

		void add(RosterColumn column, String code, Object... args) {
			problems.add(line, column.header, code, args);
		}

	}

}
