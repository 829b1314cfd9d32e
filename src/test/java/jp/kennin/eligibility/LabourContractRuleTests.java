package jp.kennin.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 保保発1001第3号 (domain.md §2.2, [R23][R24]): from 2026-04-01 a dependent whose only income
 * is salary is judged by the labour contract: hourly wage × hours a day × days a week ×
 * 52 weeks, or monthly wage × 12, plus the fixed monthly allowances × 12; overtime
 * outside the contract is not asked for, so it never counts.
 */
class LabourContractRuleTests {

	private final EligibilityRules rules = new EligibilityRules();

	private static final LabourContract HOURLY = new LabourContract(LabourContract.Kind.HOURLY, 1_100,
			new BigDecimal("6"), 4, 0);

	private static EligibilityInput.Builder spouse(LocalDate reference) {
		return EligibilityInput.builder()
			.relationship("妻")
			.birthDate(LocalDate.of(1980, 4, 1))
			.occupation(Occupation.PART_TIME)
			.referenceDate(reference);
	}

	private EligibilityResult evaluate(EligibilityInput.Builder in) {
		EligibilityInput input = in.build();
		return rules.evaluate(input, RuleParameters.defaultsOn(input.referenceDate()));
	}

	@Test
	void hourly_wage_times_hours_days_and_52_weeks() {
		assertThat(HOURLY.annualIncome(52)).isEqualTo(1_100L * 6 * 4 * 52); // 1,372,800
		assertThat(
				new LabourContract(LabourContract.Kind.HOURLY, 1_050, new BigDecimal("7.5"), 3, 8_000).annualIncome(52))
			.isEqualTo(1_050L * 75 * 3 * 52 / 10 + 8_000L * 12);
	}

	@Test
	void monthly_wage_times_twelve_plus_allowances() {
		assertThat(new LabourContract(LabourContract.Kind.MONTHLY, 100_000, null, null, 5_000).annualIncome(52))
			.isEqualTo(1_260_000);
	}

	@Test
	void from_april_2026_the_contract_decides_and_the_pre_check_names_the_rule() {
		// The member expects 1,000,000 yen (the contract says 1,372,800): the contract
		// decides.
		EligibilityResult result = evaluate(
				spouse(LocalDate.of(2026, 9, 1)).income(IncomeKind.SALARY, 1_000_000).labourContract(HOURLY));

		assertThat(result.totalIncome()).isEqualTo(1_372_800);
		assertThat(result.warningCodes()).contains("INCOME_OVER_LIMIT");
		assertThat(result.incomeBasis().code()).isEqualTo("LABOUR_CONTRACT_HOURLY");
		assertThat(result.incomeBasis().message(Locale.JAPANESE)).contains("保保発1001第3号")
			.contains("時給1,100円 × 1日6時間 × 週4日 × 52週")
			.contains("年1,372,800円")
			.contains("残業代は含みません");
		assertThat(result.incomeBasis().message(Locale.ENGLISH)).contains("labour contract").contains("¥1,372,800");
	}

	@Test
	void the_labour_contract_is_required_instead_of_payslips() {
		EligibilityResult result = evaluate(spouse(LocalDate.of(2026, 9, 1)).income(IncomeKind.SALARY, 1_000_000)
			.labourContract(new LabourContract(LabourContract.Kind.MONTHLY, 90_000, null, null, 0)));

		assertThat(result.documents()).contains(RequiredDocument.LABOUR_CONTRACT)
			.doesNotContain(RequiredDocument.SALARY_PROOF);
		assertThat(result.warnings()).isEmpty();
		assertThat(RequiredDocument.LABOUR_CONTRACT.displayName()).contains("労働条件通知書").contains("給与収入のみ");
	}

	@Test
	void before_april_2026_the_estimate_decides_and_payslips_are_asked_for() {
		EligibilityResult result = evaluate(
				spouse(LocalDate.of(2026, 3, 31)).income(IncomeKind.SALARY, 1_000_000).labourContract(HOURLY));

		assertThat(result.incomeBasis()).isEqualTo(IncomeBasis.ESTIMATE);
		assertThat(result.totalIncome()).isEqualTo(1_000_000);
		assertThat(result.documents()).contains(RequiredDocument.SALARY_PROOF)
			.doesNotContain(RequiredDocument.LABOUR_CONTRACT);
		RuleParameters law = RuleParameters.defaultsOn(LocalDate.of(2026, 9, 1));
		assertThat(law.labourContractRuleOn(LocalDate.of(2026, 3, 31))).isFalse();
		assertThat(law.labourContractRuleOn(LocalDate.of(2026, 4, 1))).isTrue();
	}

	@Test
	void with_any_other_income_the_rule_does_not_apply() {
		EligibilityResult result = evaluate(spouse(LocalDate.of(2026, 9, 1)).income(IncomeKind.SALARY, 1_000_000)
			.income(IncomeKind.PENSION, 100_000)
			.labourContract(HOURLY));

		assertThat(result.incomeBasis()).isEqualTo(IncomeBasis.ESTIMATE);
		assertThat(result.totalIncome()).isEqualTo(1_100_000);
	}

	@Test
	void a_tenant_may_switch_the_rule_off_move_it_or_count_other_weeks() {
		LocalDate from = LocalDate.of(2026, 4, 1);
		RuleParameters off = new RuleParameters(from, 1_300_000, 1_500_000L, 19, 22, 1_800_000, 60, 75, null, 52);
		RuleParameters later = new RuleParameters(from, 1_300_000, 1_500_000L, 19, 22, 1_800_000, 60, 75,
				LocalDate.of(2026, 10, 1), 52);
		RuleParameters fiftyWeeks = new RuleParameters(from, 1_300_000, 1_500_000L, 19, 22, 1_800_000, 60, 75, from,
				50);
		EligibilityInput input = spouse(LocalDate.of(2026, 9, 1)).income(IncomeKind.SALARY, 1_000_000)
			.labourContract(HOURLY)
			.build();

		assertThat(rules.evaluate(input, RuleParameters.effectiveOn(input.referenceDate(), List.of(off))).incomeBasis())
			.isEqualTo(IncomeBasis.ESTIMATE);
		assertThat(
				rules.evaluate(input, RuleParameters.effectiveOn(input.referenceDate(), List.of(later))).incomeBasis())
			.isEqualTo(IncomeBasis.ESTIMATE);
		EligibilityResult fifty = rules.evaluate(input,
				RuleParameters.effectiveOn(input.referenceDate(), List.of(fiftyWeeks)));
		assertThat(fifty.totalIncome()).isEqualTo(1_100L * 6 * 4 * 50); // 1,320,000
		assertThat(fifty.incomeBasis().message(Locale.JAPANESE)).contains("50週");
	}

}
