package jp.kennin.roster;

import java.util.List;
import java.util.Map;

/**
 * Staff search of insured persons (本人) of one tenant by 記号/番号, name (kanji or kana, partial, spaces
 * ignored), office and active state, one page at a time.
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

	/** One page of results, plus whether there is a next page. */
	record Page(List<RosterPerson> people, boolean hasNext, int page) {
	}

	/**
	 * An extra SQL predicate from a module that owns data about roster people (e.g. their accounts), so
	 * filtering stays one query. It may use the unqualified columns {@code roster_person.id} and
	 * {@code roster_person.tenant_id} and named parameters (prefix them to avoid clashes).
	 */
	record Condition(String sql, Map<String, Object> params) {
	}

	Page search(long tenantId, Criteria criteria, int page, Condition extra);

}
