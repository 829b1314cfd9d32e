package jp.kennin.roster.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.roster.KanaName;
import jp.kennin.roster.RosterDirectory;
import jp.kennin.roster.RosterPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster search as SQL on {@code roster_person}, with the caller's extra condition:
 * one count and one page. Pages are found by key ({@code (kigo, bango) > (…)}, keyset
 * paging) on the unique key (tenant_id, kigo, bango, edaban), so a page deep into 100,000
 * insured persons reads 51 index entries, not all before it as an offset would.
 */
@Repository
@Transactional(readOnly = true)
class RosterSearch implements RosterDirectory {

	private final JdbcClient jdbc;

	RosterSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	@Override
	public Page search(long tenantId, Criteria c, Cursor cursor, Condition extra) {
		Where where = where(tenantId, c, extra);
		long total = jdbc.sql("select count(*) from roster_person where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		if (total == 0) {
			return new Page(List.of(), 0, false, false);
		}
		if (cursor == null) {
			return forward(where, null, total);
		}
		if (!cursor.before()) {
			Page page = forward(where, cursor, total);
			return page.people().isEmpty() ? last(where, total) : page;
		}
		List<RosterPerson> rows = backward(where, cursor);
		if (rows.size() <= PAGE_SIZE) {
			// Fewer than a page before the cursor: show a full first page instead of a
			// short one.
			return forward(where, null, total);
		}
		List<RosterPerson> page = new ArrayList<>(rows.subList(0, PAGE_SIZE));
		Collections.reverse(page);
		return new Page(page, total, true, true);
	}

	private Page forward(Where where, Cursor cursor, long total) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		StringBuilder sql = new StringBuilder("select " + JdbcRoster.COLUMNS + " from roster_person where ")
			.append(where.sql());
		if (cursor != null) {
			sql.append(" and (kigo, bango) > (:cursorKigo, :cursorBango)");
			params.put("cursorKigo", cursor.kigo());
			params.put("cursorBango", cursor.bango());
		}
		sql.append(" order by kigo, bango fetch first ").append(PAGE_SIZE + 1).append(" rows only");
		List<RosterPerson> rows = jdbc.sql(sql.toString()).params(params).query(JdbcRoster::map).list();
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, total, cursor != null, hasNext);
	}

	/** Up to a page and one more, nearest the cursor first; no cursor: from the end. */
	private List<RosterPerson> backward(Where where, Cursor cursor) {
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		StringBuilder sql = new StringBuilder("select " + JdbcRoster.COLUMNS + " from roster_person where ")
			.append(where.sql());
		if (cursor != null) {
			sql.append(" and (kigo, bango) < (:cursorKigo, :cursorBango)");
			params.put("cursorKigo", cursor.kigo());
			params.put("cursorBango", cursor.bango());
		}
		sql.append(" order by kigo desc, bango desc fetch first ").append(PAGE_SIZE + 1).append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query(JdbcRoster::map).list();
	}

	private Page last(Where where, long total) {
		List<RosterPerson> rows = backward(where, null);
		List<RosterPerson> page = new ArrayList<>(rows.subList(0, Math.min(PAGE_SIZE, rows.size())));
		Collections.reverse(page);
		return new Page(page, total, rows.size() > PAGE_SIZE, false);
	}

	private static Where where(long tenantId, Criteria c, Condition extra) {
		StringBuilder sql = new StringBuilder("tenant_id = :tenant and edaban = '00'");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("tenant", tenantId);
		if (!blank(c.kigo())) {
			sql.append(" and kigo = :kigo");
			params.put("kigo", nfkc(c.kigo()));
		}
		if (!blank(c.bango())) {
			sql.append(" and bango = :bango");
			params.put("bango", nfkc(c.bango()));
		}
		if (!blank(c.name())) {
			String typed = c.name().strip();
			if (KanaName.isKatakana(typed)) {
				sql.append(" and name_kana_key like :name escape '\\'");
				params.put("name", "%" + like(KanaName.key(typed)) + "%");
			}
			else {
				sql.append(" and replace(replace(name, ' ', ''), '\u3000', '') like :name escape '\\'");
				params.put("name", "%" + like(typed.replaceAll("[ \u3000]", "")) + "%");
			}
		}
		if (!blank(c.office())) {
			sql.append(" and (office_code = :officeCode or office_name like :officeName escape '\\')");
			params.put("officeCode", nfkc(c.office()));
			params.put("officeName", "%" + like(c.office().strip()) + "%");
		}
		if ("active".equals(c.active())) {
			sql.append(" and active = true");
		}
		else if ("inactive".equals(c.active())) {
			sql.append(" and active = false");
		}
		if (extra != null) {
			sql.append(" and (").append(extra.sql()).append(')');
			params.putAll(extra.params());
		}
		return new Where(sql.toString(), params);
	}

	private static String like(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String nfkc(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
