package jp.kennin.roster.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.roster.KanaName;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcRoster implements Roster {

	static final String COLUMNS = "id, tenant_id, kigo, bango, edaban, insured, relationship, relationship_category, "
			+ "name, name_kana, birth_date, gender, email, office_code, office_name, living_together, qualified_on, active";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcRoster(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<RosterPerson> findById(long tenantId, long id) {
		return jdbc.sql("select " + COLUMNS + " from roster_person where tenant_id = ? and id = ?")
			.params(tenantId, id)
			.query(JdbcRoster::map)
			.optional();
	}

	@Override
	public Optional<RosterPerson> findInsured(long tenantId, String kigo, String bango) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from roster_person where tenant_id = ? and kigo = ? and bango = ? and edaban = ?")
			.params(tenantId, kigo, bango, RosterPerson.INSURED_EDABAN)
			.query(JdbcRoster::map)
			.optional();
	}

	@Override
	public List<RosterPerson> household(long tenantId, String kigo, String bango) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from roster_person where tenant_id = ? and kigo = ? and bango = ? order by edaban")
			.params(tenantId, kigo, bango)
			.query(JdbcRoster::map)
			.list();
	}

	@Override
	@Transactional
	public void upsert(long tenantId, List<RosterPerson> people) {
		// On PostgreSQL roster_person has no foreign key to tenant (see V43). Used by the
		// demo loader only.
		jdbc.sql("select id from tenant where id = ?")
			.param(tenantId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
		Timestamp now = Timestamp.from(clock.instant());
		for (RosterPerson p : people) {
			int updated = jdbc.sql("""
					update roster_person set insured = :insured, relationship = :relationship,
					  relationship_category = :category, name = :name, name_kana = :kana, name_kana_key = :kanaKey,
					  birth_date = :birth, gender = :gender, email = :email, office_code = :officeCode,
					  office_name = :officeName, living_together = :together, qualified_on = :qualified,
					  active = :active, updated_at = :now
					where tenant_id = :tenant and kigo = :kigo and bango = :bango and edaban = :edaban""")
				.paramSource(params(tenantId, p, now))
				.update();
			if (updated == 0) {
				jdbc.sql("""
						insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship,
						  relationship_category, name, name_kana, name_kana_key, birth_date, gender, email,
						  office_code, office_name, living_together, qualified_on, active, created_at, updated_at)
						values (:tenant, :kigo, :bango, :edaban, :insured, :relationship, :category, :name, :kana,
						  :kanaKey, :birth, :gender, :email, :officeCode, :officeName, :together, :qualified, :active,
						  :now, :now)""").paramSource(params(tenantId, p, now)).update();
			}
		}
	}

	private static Map<String, Object> params(long tenantId, RosterPerson p, Timestamp now) {
		Map<String, Object> m = new HashMap<>();
		m.put("tenant", tenantId);
		m.put("kigo", p.kigo());
		m.put("bango", p.bango());
		m.put("edaban", p.edaban());
		m.put("insured", p.insured());
		m.put("relationship", p.relationship());
		m.put("category", p.relationshipCategory() == null ? null : p.relationshipCategory().name());
		m.put("name", p.name());
		m.put("kana", KanaName.display(p.nameKana()));
		m.put("kanaKey", KanaName.key(p.nameKana()));
		m.put("birth", Date.valueOf(p.birthDate()));
		m.put("gender", p.gender() == null ? null : p.gender() == RosterPerson.Gender.MALE ? "M" : "F");
		m.put("email", p.email());
		m.put("officeCode", p.officeCode());
		m.put("officeName", p.officeName());
		m.put("together", p.livingTogether());
		m.put("qualified", p.qualifiedOn() == null ? null : Date.valueOf(p.qualifiedOn()));
		m.put("active", p.active());
		m.put("now", now);
		return m;
	}

	static RosterPerson map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("relationship_category");
		String gender = rs.getString("gender");
		Date qualified = rs.getDate("qualified_on");
		Object together = rs.getObject("living_together");
		return new RosterPerson(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("kigo"), rs.getString("bango"),
				rs.getString("edaban"), rs.getBoolean("insured"), rs.getString("relationship"),
				category == null ? null : RelationshipCategory.valueOf(category), rs.getString("name"),
				rs.getString("name_kana"), rs.getDate("birth_date").toLocalDate(),
				gender == null ? null : "M".equals(gender) ? RosterPerson.Gender.MALE : RosterPerson.Gender.FEMALE,
				rs.getString("email"), rs.getString("office_code"), rs.getString("office_name"),
				together == null ? null : rs.getBoolean("living_together"),
				qualified == null ? null : qualified.toLocalDate(), rs.getBoolean("active"));
	}

}
