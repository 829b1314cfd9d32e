package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The numbers the rules use, valid from a date until the next dated set. Defaults follow
 * the law (domain.md §2.2); a tenant may add its own dated sets (see
 * {@link Eligibility#setParameters}).
 *
 * @param youngAdultLimit the limit for ages
 * {@code youngAdultMinAge}–{@code youngAdultMaxAge} on 31 December (spouses excluded);
 * null before the band existed (2025-10-01)
 * @param seniorAge from this age (and for a disability) {@code seniorLimit} applies
 * @param latterStageAge the age at which 後期高齢者医療 takes over (eligibility ends on that
 * birthday)
 * @param labourContractFrom from this reference date a salary-only dependent's income is
 * judged from the 労働条件通知書 (保保発1001第3号: by law 2026-04-01); null: never (a tenant's
 * choice)
 * @param contractWeeksPerYear the weeks a year the contracted hours and days are counted
 * for (52)
 */
public record RuleParameters(LocalDate validFrom, long standardLimit, Long youngAdultLimit, int youngAdultMinAge,
		int youngAdultMaxAge, long seniorLimit, int seniorAge, int latterStageAge, LocalDate labourContractFrom,
		int contractWeeksPerYear) {

	/** 保保発1001第3号 (2025-10-01): the labour-contract rule applies from this date. */
	public static final LocalDate LABOUR_CONTRACT_RULE_FROM = LocalDate.of(2026, 4, 1);

	/** 52 weeks a year (hourly wage × hours per day × days per week × 52). */
	public static final int WEEKS_PER_YEAR = 52;

	/** 130万円 / 180万円 since before the domestic residence rule (2020-04-01). */
	public static final RuleParameters SINCE_2020_04 = new RuleParameters(LocalDate.of(2020, 4, 1), 1_300_000, null, 19,
			22, 1_800_000, 60, 75);

	/** 保発0704第1号: 150万円 for ages 19–22 from 2025-10-01. */
	public static final RuleParameters SINCE_2025_10 = new RuleParameters(LocalDate.of(2025, 10, 1), 1_300_000,
			1_500_000L, 19, 22, 1_800_000, 60, 75);

	public static final List<RuleParameters> DEFAULTS = List.of(SINCE_2020_04, SINCE_2025_10);

	public RuleParameters {
		Objects.requireNonNull(validFrom, "validFrom");
		if (standardLimit <= 0 || seniorLimit <= 0 || (youngAdultLimit != null && youngAdultLimit <= 0)) {
			throw new IllegalArgumentException("limits must be positive");
		}
		if (youngAdultMinAge > youngAdultMaxAge || seniorAge <= 0 || latterStageAge <= 0) {
			throw new IllegalArgumentException("ages out of order");
		}
		if (contractWeeksPerYear < 1 || contractWeeksPerYear > 53) {
			throw new IllegalArgumentException("weeks per year out of range");
		}
	}

	/**
	 * A set whose labour-contract rule follows the law: from 2026-04-01, counting 52
	 * weeks. The rule's date is a parameter of every set rather than a set of its own, so
	 * a tenant's own limits dated before it keep applying after it.
	 */
	public RuleParameters(LocalDate validFrom, long standardLimit, Long youngAdultLimit, int youngAdultMinAge,
			int youngAdultMaxAge, long seniorLimit, int seniorAge, int latterStageAge) {
		this(validFrom, standardLimit, youngAdultLimit, youngAdultMinAge, youngAdultMaxAge, seniorLimit, seniorAge,
				latterStageAge, LABOUR_CONTRACT_RULE_FROM, WEEKS_PER_YEAR);
	}

	/** Whether the labour-contract rule applies on the reference date. */
	public boolean labourContractRuleOn(LocalDate date) {
		return labourContractFrom != null && !date.isBefore(labourContractFrom);
	}

	/** The legal defaults in force on the date. */
	public static RuleParameters defaultsOn(LocalDate date) {
		return effectiveOn(date, List.of());
	}

	/**
	 * The set in force on the date: the latest-dated of the defaults and the tenant's own
	 * sets that is valid on that date; on the same date a tenant's set wins. Before every
	 * date, the earliest set.
	 */
	public static RuleParameters effectiveOn(LocalDate date, List<RuleParameters> tenantSets) {
		List<RuleParameters> all = new ArrayList<>(DEFAULTS);
		all.addAll(tenantSets); // stable sort keeps tenant sets after defaults of the
								// same date
		all.sort(Comparator.comparing(RuleParameters::validFrom));
		RuleParameters chosen = all.get(0);
		for (RuleParameters p : all) {
			if (!p.validFrom().isAfter(date)) {
				chosen = p;
			}
		}
		return chosen;
	}

	public RuleParameters withValidFrom(LocalDate date) {
		return new RuleParameters(date, standardLimit, youngAdultLimit, youngAdultMinAge, youngAdultMaxAge, seniorLimit,
				seniorAge, latterStageAge, labourContractFrom, contractWeeksPerYear);
	}

}
