package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules with each tenant's own dated parameters. Every call is scoped by tenant.
 */
public interface Eligibility {

	/**
	 * Evaluates with the parameters in force for the tenant on the input's reference
	 * date.
	 */
	EligibilityResult evaluate(long tenantId, EligibilityInput input);

	/**
	 * The tenant's parameters on the date: its own dated sets merged with the legal
	 * defaults.
	 */
	RuleParameters parametersOn(long tenantId, LocalDate date);

	/**
	 * The tenant's own dated sets, oldest first (the legal defaults are
	 * {@link RuleParameters#DEFAULTS}).
	 */
	List<RuleParameters> tenantParameters(long tenantId);

	/** Adds the set, or replaces the tenant's set with the same valid-from date. */
	void setParameters(long tenantId, RuleParameters parameters);

	/** Removes the tenant's set valid from the date; false if there was none. */
	boolean removeParameters(long tenantId, LocalDate validFrom);

}
