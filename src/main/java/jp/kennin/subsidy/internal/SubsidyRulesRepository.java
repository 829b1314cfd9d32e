package jp.kennin.subsidy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code subsidy_rules}: one row per insurer and fiscal year. */
@Repository
class SubsidyRulesRepository {

	private static final String COLUMNS = "fiscal_year, shot_from, shot_to, claim_from, claim_to, insured_covered, "
			+ "dependents_covered, age_below, dependent_grade_max, cap_mode, cap_yen, two_doses_below_age, aid_deducted, "
			+ "exclusions, payment_route, cutoff, cutoff_day";

	private final JdbcClient jdbc;

	SubsidyRulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Integer> years(long tenantId) {
		return jdbc.sql("select fiscal_year from subsidy_rules where tenant_id = ? order by fiscal_year desc")
			.param(tenantId)
			.query(Integer.class)
			.list();
	}

	Optional<SubsidyRules> find(long tenantId, int fiscalYear) {
		return jdbc.sql("select " + COLUMNS + " from subsidy_rules where tenant_id = ? and fiscal_year = ?")
			.params(tenantId, fiscalYear)
			.query((rs, n) -> rules(rs))
			.optional();
	}

	void save(long tenantId, SubsidyRules r, Instant now) {
		Object[] values = { Date.valueOf(r.shotFrom()), Date.valueOf(r.shotTo()), Date.valueOf(r.claimFrom()),
				Date.valueOf(r.claimTo()), r.insuredCovered(), r.dependentsCovered(), r.ageBelow(),
				r.dependentGradeMax(), r.capMode().name(), r.capYen(), r.twoDosesBelowAge(), r.aidDeducted(),
				r.exclusions() == null ? "" : r.exclusions(), r.paymentRoute().name(), r.cutoff().name(), r.cutoffDay(),
				Timestamp.from(now), tenantId, r.fiscalYear() };
		int updated = jdbc.sql("""
				update subsidy_rules set shot_from = ?, shot_to = ?, claim_from = ?, claim_to = ?, insured_covered = ?,
				  dependents_covered = ?, age_below = ?, dependent_grade_max = ?, cap_mode = ?, cap_yen = ?,
				  two_doses_below_age = ?, aid_deducted = ?, exclusions = ?, payment_route = ?, cutoff = ?,
				  cutoff_day = ?, updated_at = ?
				where tenant_id = ? and fiscal_year = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into subsidy_rules (shot_from, shot_to, claim_from, claim_to, insured_covered,
					  dependents_covered, age_below, dependent_grade_max, cap_mode, cap_yen, two_doses_below_age,
					  aid_deducted, exclusions, payment_route, cutoff, cutoff_day, updated_at, tenant_id, fiscal_year)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
	}

	private static SubsidyRules rules(ResultSet rs) throws SQLException {
		return new SubsidyRules(rs.getInt("fiscal_year"), rs.getDate("shot_from").toLocalDate(),
				rs.getDate("shot_to").toLocalDate(), rs.getDate("claim_from").toLocalDate(),
				rs.getDate("claim_to").toLocalDate(), rs.getBoolean("insured_covered"),
				rs.getBoolean("dependents_covered"), rs.getObject("age_below", Integer.class),
				rs.getObject("dependent_grade_max", Integer.class), CapMode.valueOf(rs.getString("cap_mode")),
				rs.getInt("cap_yen"), rs.getObject("two_doses_below_age", Integer.class), rs.getBoolean("aid_deducted"),
				rs.getString("exclusions"), PaymentRoute.valueOf(rs.getString("payment_route")),
				Cutoff.valueOf(rs.getString("cutoff")), rs.getInt("cutoff_day"));
	}

}
