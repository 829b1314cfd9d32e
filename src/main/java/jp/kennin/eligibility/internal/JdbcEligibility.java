package jp.kennin.eligibility.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.kennin.eligibility.Eligibility;
import jp.kennin.eligibility.EligibilityInput;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.EligibilityRules;
import jp.kennin.eligibility.RuleParameters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenant overrides live in {@code eligibility_parameters}; the rules themselves are the
 * pure {@link EligibilityRules}.
 */
@Service
@Transactional(readOnly = true)
class JdbcEligibility implements Eligibility {

	private static final String COLUMNS = "valid_from, standard_limit, young_adult_limit, young_adult_min_age, "
			+ "young_adult_max_age, senior_limit, senior_age, latter_stage_age, labour_contract_from, contract_weeks_per_year";

	private final EligibilityRules rules = new EligibilityRules();

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcEligibility(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public EligibilityResult evaluate(long tenantId, EligibilityInput input) {
		return rules.evaluate(input, parametersOn(tenantId, input.referenceDate()));
	}

	@Override
	public RuleParameters parametersOn(long tenantId, LocalDate date) {
		return RuleParameters.effectiveOn(date, tenantParameters(tenantId));
	}

	@Override
	public List<RuleParameters> tenantParameters(long tenantId) {
		return jdbc.sql("select " + COLUMNS + " from eligibility_parameters where tenant_id = ? order by valid_from")
			.param(tenantId)
			.query(JdbcEligibility::map)
			.list();
	}

	@Override
	@Transactional
	public void setParameters(long tenantId, RuleParameters p) {
		removeParameters(tenantId, p.validFrom());
		jdbc.sql("insert into eligibility_parameters (tenant_id, " + COLUMNS
				+ ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(tenantId, Date.valueOf(p.validFrom()), p.standardLimit(), p.youngAdultLimit(), p.youngAdultMinAge(),
					p.youngAdultMaxAge(), p.seniorLimit(), p.seniorAge(), p.latterStageAge(),
					p.labourContractFrom() == null ? null : Date.valueOf(p.labourContractFrom()),
					p.contractWeeksPerYear(), Timestamp.from(clock.instant()))
			.update();
	}

	@Override
	@Transactional
	public boolean removeParameters(long tenantId, LocalDate validFrom) {
		return jdbc.sql("delete from eligibility_parameters where tenant_id = ? and valid_from = ?")
			.params(tenantId, Date.valueOf(validFrom))
			.update() > 0;
	}

	private static RuleParameters map(ResultSet rs, int row) throws SQLException {
		long youngValue = rs.getLong("young_adult_limit");
		Long young = rs.wasNull() ? null : youngValue;
		return new RuleParameters(rs.getDate("valid_from").toLocalDate(), rs.getLong("standard_limit"), young,
				rs.getInt("young_adult_min_age"), rs.getInt("young_adult_max_age"), rs.getLong("senior_limit"),
				rs.getInt("senior_age"), rs.getInt("latter_stage_age"),
				rs.getDate("labour_contract_from") == null ? null : rs.getDate("labour_contract_from").toLocalDate(),
				rs.getInt("contract_weeks_per_year"));
	}

}
