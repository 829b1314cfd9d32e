package jp.kennin.roster.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.roster.KanaName;
import jp.kennin.roster.RosterDirectory;
import jp.kennin.roster.RosterPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The roster search as one SQL query on {@code roster_person}, with the caller's extra condition. */
@Repository
@Transactional(readOnly = true)
class RosterSearch implements RosterDirectory {

	private final JdbcClient jdbc;

	RosterSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Page search(long tenantId, Criteria c, int page, Condition extra) {
		StringBuilder sql = new StringBuilder("select " + JdbcRoster.COLUMNS
				+ " from roster_person where tenant_id = :tenant and edaban = '00'");
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
		int p = Math.max(0, page);
		sql.append(" order by kigo, bango offset ").append(p * PAGE_SIZE).append(" rows fetch next ")
			.append(PAGE_SIZE + 1).append(" rows only");
		List<RosterPerson> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(JdbcRoster::map).list());
		boolean hasNext = rows.size() > PAGE_SIZE;
		return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, hasNext, p);
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
