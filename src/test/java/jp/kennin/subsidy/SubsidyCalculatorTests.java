package jp.kennin.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.subsidy.SubsidyCalculator.Assessment;
import jp.kennin.subsidy.SubsidyCalculator.Claim;
import jp.kennin.subsidy.SubsidyCalculator.Person;
import jp.kennin.subsidy.SubsidyCalculator.PriorClaim;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of real kenpo (../shared/research-staff-side.md §3.1) applied to claims:
 * windows, who is covered, caps per person and per dose, two doses for children, aid
 * deducted, duplicates.
 */
class SubsidyCalculatorTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static final Person ADULT = new Person(true, LocalDate.of(1980, 5, 10));

	private static final Person CHILD_8 = new Person(false, LocalDate.of(2018, 6, 1));

	/** オムロン-like: ¥2,000 per person per year, doses combined, two doses under 13. */
	private static final SubsidyRules OMRON = SubsidyRules.suggested(2026);

	/** NEC-like: ¥2,000 per dose, two doses for everybody under 13. */
	private static final SubsidyRules NEC = new SubsidyRules(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31),
			LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31), true, true, null, null, CapMode.PER_DOSE, 2000, 13,
			true, "", PaymentRoute.BANK_TRANSFER, Cutoff.WEEKLY, 5);

	@Test
	void the_actual_cost_is_paid_when_lower_than_the_cap_and_aid_is_deducted() {
		assertThat(assess(OMRON, ADULT, claim(1, 1800, 0)).amountYen()).isEqualTo(1800);
		assertThat(assess(OMRON, ADULT, claim(1, 4500, 0)).amountYen()).isEqualTo(2000);
		// 4,500 paid, 3,000 from the city: 1,500 left to subsidise.
		Assessment aided = assess(OMRON, ADULT, claim(1, 4500, 3000));
		assertThat(aided.amountYen()).isEqualTo(1500);
		assertThat(aided.remainingYen()).isEqualTo(500);
		assertThat(assess(OMRON, ADULT, claim(1, 3000, 3000)).refusal()).isEqualTo("subsidy.refusal.coveredByAid");
	}

	@Test
	void a_cap_per_person_is_shared_by_the_doses_and_a_cap_per_dose_is_not() {
		List<PriorClaim> first = List.of(new PriorClaim(1, LocalDate.of(2026, 10, 20), 1500));
		Assessment second = SubsidyCalculator.assess(OMRON, CHILD_8, new Claim(LocalDate.of(2026, 11, 20), 2, 3000, 0),
				first, TODAY);
		assertThat(second.amountYen()).as("the rest of ¥2,000").isEqualTo(500);
		assertThat(
				SubsidyCalculator.assess(NEC, CHILD_8, new Claim(LocalDate.of(2026, 11, 20), 2, 3000, 0), first, TODAY)
					.amountYen())
			.isEqualTo(2000);
		List<PriorClaim> capped = List.of(new PriorClaim(1, LocalDate.of(2026, 10, 20), 2000));
		assertThat(SubsidyCalculator
			.assess(OMRON, CHILD_8, new Claim(LocalDate.of(2026, 11, 20), 2, 3000, 0), capped, TODAY)
			.refusal()).isEqualTo("subsidy.refusal.capReached");
	}

	@Test
	void children_under_thirteen_on_the_shot_date_may_claim_two_doses_others_one() {
		assertThat(assess(OMRON, ADULT, claim(2, 3000, 0)).refusal()).isEqualTo("subsidy.refusal.dose");
		assertThat(assess(OMRON, CHILD_8, claim(2, 3000, 0)).taken()).isTrue();
		// Thirteen on 2026-11-01: the shot the day before is a child's, the one on the
		// day not.
		Person turning = new Person(false, LocalDate.of(2013, 11, 1));
		assertThat(SubsidyCalculator
			.assess(OMRON, turning, new Claim(LocalDate.of(2026, 10, 31), 2, 3000, 0), List.of(), TODAY)
			.dosesAllowed()).isEqualTo(2);
		assertThat(SubsidyCalculator
			.assess(OMRON, turning, new Claim(LocalDate.of(2026, 11, 1), 2, 3000, 0), List.of(), TODAY)
			.refusal()).isEqualTo("subsidy.refusal.dose");
	}

	@Test
	void shots_and_claims_outside_their_windows_are_refused() {
		assertThat(SubsidyCalculator
			.assess(OMRON, ADULT, new Claim(LocalDate.of(2026, 9, 30), 1, 3000, 0), List.of(), TODAY)
			.refusal()).isEqualTo("subsidy.refusal.shotWindow");
		assertThat(SubsidyCalculator
			.assess(OMRON, ADULT, new Claim(LocalDate.of(2026, 12, 2), 1, 3000, 0), List.of(), TODAY)
			.refusal()).isEqualTo("subsidy.refusal.shotInFuture");
		assertThat(SubsidyCalculator
			.assess(OMRON, ADULT, new Claim(LocalDate.of(2026, 10, 5), 1, 3000, 0), List.of(), LocalDate.of(2027, 3, 1))
			.refusal()).isEqualTo("subsidy.refusal.claimWindow");
		assertThat(SubsidyCalculator
			.assess(OMRON, ADULT, new Claim(LocalDate.of(2026, 10, 5), 1, 3000, 0), List.of(),
					LocalDate.of(2027, 2, 28))
			.taken()).as("the last day of the claim window").isTrue();
	}

	@Test
	void who_is_covered_by_role_age_and_school_grade() {
		// KHI: dependents only.
		SubsidyRules dependentsOnly = with(OMRON, false, true, null, null);
		assertThat(assess(dependentsOnly, ADULT, claim(1, 3000, 0)).refusal())
			.isEqualTo("subsidy.refusal.insuredNotCovered");
		assertThat(assess(dependentsOnly, CHILD_8, claim(1, 3000, 0)).taken()).isTrue();
		// kikuchikenpo: under 65 only (65 and over: the municipal routine shot).
		SubsidyRules under65 = with(OMRON, true, true, 65, null);
		assertThat(assess(under65, new Person(true, LocalDate.of(1961, 10, 1)), claim(1, 3000, 0)).refusal())
			.isEqualTo("subsidy.refusal.age");
		assertThat(assess(under65, new Person(true, LocalDate.of(1961, 12, 1)), claim(1, 3000, 0)).taken()).isTrue();
		// TOPPAN: dependents up to 小学6年. FY2026's sixth graders were born 2014-04-02 to
		// 2015-04-01.
		SubsidyRules toGrade6 = with(OMRON, false, true, null, 6);
		assertThat(assess(toGrade6, new Person(false, LocalDate.of(2014, 4, 2)), claim(1, 3000, 0)).taken()).isTrue();
		assertThat(assess(toGrade6, new Person(false, LocalDate.of(2014, 4, 1)), claim(1, 3000, 0)).refusal())
			.isEqualTo("subsidy.refusal.grade");
		assertThat(assess(toGrade6, new Person(false, LocalDate.of(2023, 1, 1)), claim(1, 3000, 0)).taken())
			.as("a preschool child")
			.isTrue();
	}

	@Test
	void the_same_dose_or_the_same_shot_date_twice_is_refused() {
		List<PriorClaim> first = List.of(new PriorClaim(1, LocalDate.of(2026, 10, 20), 1500));
		assertThat(
				SubsidyCalculator.assess(OMRON, CHILD_8, new Claim(LocalDate.of(2026, 11, 3), 1, 3000, 0), first, TODAY)
					.refusal())
			.isEqualTo("subsidy.refusal.duplicateDose");
		assertThat(SubsidyCalculator
			.assess(OMRON, CHILD_8, new Claim(LocalDate.of(2026, 10, 20), 2, 3000, 0), first, TODAY)
			.refusal()).isEqualTo("subsidy.refusal.duplicateDate");
	}

	@Test
	void school_grades_follow_the_first_of_april() {
		LocalDate may2026 = LocalDate.of(2026, 5, 1);
		assertThat(SubsidyCalculator.schoolGrade(LocalDate.of(2019, 4, 2), may2026)).isEqualTo(1);
		assertThat(SubsidyCalculator.schoolGrade(LocalDate.of(2020, 4, 1), may2026)).isEqualTo(1);
		assertThat(SubsidyCalculator.schoolGrade(LocalDate.of(2019, 4, 1), may2026)).isEqualTo(2);
		assertThat(SubsidyCalculator.schoolGrade(LocalDate.of(2020, 4, 2), may2026)).isEqualTo(0);
		// January belongs to the school year that began the April before.
		assertThat(SubsidyCalculator.schoolGrade(LocalDate.of(2019, 4, 2), LocalDate.of(2027, 1, 15))).isEqualTo(1);
	}

	@Test
	void rules_that_do_not_go_together_are_named_by_field() {
		SubsidyRules wrong = new SubsidyRules(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 1),
				LocalDate.of(2026, 10, 1), LocalDate.of(2026, 9, 30), false, false, 0, 7, CapMode.PER_PERSON, 0, null,
				true, "", PaymentRoute.PAYROLL, Cutoff.WEEKLY, 8);
		assertThat(wrong.problems()).containsOnlyKeys("shotTo", "claimTo", "dependentsCovered", "capYen", "ageBelow",
				"dependentGradeMax", "cutoffDay");
		assertThat(SubsidyRules.suggested(2026).problems()).isEmpty();
	}

	private static SubsidyRules with(SubsidyRules r, boolean insured, boolean dependents, Integer ageBelow,
			Integer gradeMax) {
		return new SubsidyRules(r.fiscalYear(), r.shotFrom(), r.shotTo(), r.claimFrom(), r.claimTo(), insured,
				dependents, ageBelow, gradeMax, r.capMode(), r.capYen(), r.twoDosesBelowAge(), r.aidDeducted(),
				r.exclusions(), r.paymentRoute(), r.cutoff(), r.cutoffDay());
	}

	private static Claim claim(int dose, int paid, int aid) {
		return new Claim(LocalDate.of(2026, 10, 15), dose, paid, aid);
	}

	private static Assessment assess(SubsidyRules rules, Person person, Claim claim) {
		return SubsidyCalculator.assess(rules, person, claim, List.of(), TODAY);
	}

}
