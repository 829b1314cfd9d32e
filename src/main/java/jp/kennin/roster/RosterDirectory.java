package jp.kennin.roster;

import java.util.List;
import java.util.Map;

/**
 * Staff search of insured persons (本人) of one tenant by 記号/番号, name (kanji or kana,
 * partial, spaces ignored), office and active state, in the order of 記号 and 番号, one page
 * at a time. No criteria lists everyone.
 */
public interface RosterDirectory {

	int PAGE_SIZE = 50;

	/** {@code active}: "active", "inactive" or anything else for both. */
	record Criteria(String kigo, String bango, String name, String office, String active) {

		public boolean empty() {
			return blank(kigo) && blank(bango) && blank(name) && blank(office);
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}

	}

	/**
	 * Where a page starts: right after (or, going back, right before) the household 記号-番号
	 * at the edge of the page shown. A position rather than a page number, so that page
	 * 2,000 of a large insurer costs what page 1 costs (the key is the order of the
	 * roster's unique index) and no number is ever out of range.
	 */
	record Cursor(String kigo, String bango, boolean before) {

		/**
		 * The cursor written as 記号-番号 ({@link #key()}), or null (the first page) for
		 * anything else. 記号 has no hyphen (half-width letters and digits only), so the
		 * first hyphen separates the two.
		 */
		public static Cursor parse(String key, boolean before) {
			if (key == null) {
				return null;
			}
			int dash = key.indexOf('-');
			if (dash <= 0 || dash == key.length() - 1 || key.length() > 19) {
				return null;
			}
			return new Cursor(key.substring(0, dash), key.substring(dash + 1), before);
		}

		public static String key(RosterPerson person) {
			return person.kigo() + "-" + person.bango();
		}

	}

	/**
	 * One page of results with the number of all that match;
	 * {@code hasPrevious}/{@code hasNext} say whether there are more before the first and
	 * after the last person shown.
	 */
	record Page(List<RosterPerson> people, long total, boolean hasPrevious, boolean hasNext) {
	}

	/**
	 * An extra SQL predicate from a module that owns data about roster people (e.g. their
	 * accounts), so filtering stays one query. It may use the unqualified columns
	 * {@code roster_person.id} and {@code roster_person.tenant_id} and named parameters
	 * (prefix them to avoid clashes).
	 */
	record Condition(String sql, Map<String, Object> params) {
	}

	/**
	 * @param cursor null for the first page. A cursor past the end gives the last page,
	 * one before the start the first page.
	 */
	Page search(long tenantId, Criteria criteria, Cursor cursor, Condition extra);

}
