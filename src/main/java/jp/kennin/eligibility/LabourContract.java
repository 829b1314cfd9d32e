package jp.kennin.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The terms of a 労働条件通知書 (labour contract) the annual income is judged from, for a
 * dependent whose only income is salary (保保発1001第3号, from 2026-04-01; domain.md §2.2
 * [R23][R24]). Only the contracted wage, hours and days count: overtime the contract does
 * not fix is left out; fixed monthly allowances such as 通勤手当 count, because commuting
 * allowance is income for the dependent test (domain.md §2.2 [R25]).
 *
 * @param wage yen per hour ({@link Kind#HOURLY}) or per month ({@link Kind#MONTHLY})
 * @param hoursPerDay contracted hours per working day (hourly wage only; may have a
 * fraction, e.g. 7.5)
 * @param daysPerWeek contracted working days per week (hourly wage only)
 * @param monthlyAllowances fixed allowances per month in the contract (通勤手当 etc.), 0 if
 * none
 */
public record LabourContract(Kind kind, long wage, BigDecimal hoursPerDay, Integer daysPerWeek,
		long monthlyAllowances) {

	/** 時給 or 月給. */
	public enum Kind {

		HOURLY, MONTHLY

	}

	public LabourContract {
		Objects.requireNonNull(kind, "kind");
		if (wage < 0 || monthlyAllowances < 0) {
			throw new IllegalArgumentException("amounts must not be negative");
		}
		if (kind == Kind.HOURLY && (hoursPerDay == null || daysPerWeek == null)) {
			throw new IllegalArgumentException("an hourly wage needs hours per day and days per week");
		}
	}

	/**
	 * The annual figure: hourly wage × hours per day × days per week ×
	 * {@code weeksPerYear}, or monthly wage × 12, plus 12 × the monthly allowances; yen
	 * below one are dropped.
	 */
	public long annualIncome(int weeksPerYear) {
		long allowances = monthlyAllowances * EligibilityRules.MONTHS;
		if (kind == Kind.MONTHLY) {
			return wage * EligibilityRules.MONTHS + allowances;
		}
		return BigDecimal.valueOf(wage)
			.multiply(hoursPerDay)
			.multiply(BigDecimal.valueOf(daysPerWeek))
			.multiply(BigDecimal.valueOf(weeksPerYear))
			.setScale(0, RoundingMode.DOWN)
			.longValueExact() + allowances;
	}

}
