package jp.kennin.roster.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.roster.RosterOffices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** One grouped read of the roster_person_office index (V104). */
@Repository
@Transactional(readOnly = true)
class JdbcRosterOffices implements RosterOffices {

	private final JdbcClient jdbc;

	JdbcRosterOffices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> offices(long tenantId) {
		Map<String, String> out = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select office_code, max(office_name) as office_name from roster_person
						where tenant_id = ? and office_code is not null and office_code <> '' and active = true and insured = true
						group by office_code order by office_code""")
			.param(tenantId)
			.query((rs, n) -> out.put(rs.getString("office_code"),
					rs.getString("office_name") == null ? "" : rs.getString("office_name")))
			.list();
		return out;
	}

}
