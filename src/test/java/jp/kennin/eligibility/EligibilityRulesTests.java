package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jp.kennin.roster.RelationshipCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityRulesTests {

	private static final LocalDate REFERENCE = LocalDate.of(2026, 9, 1);

	private final EligibilityRules rules = new EligibilityRules();

	private EligibilityResult evaluate(EligibilityInput.Builder in) {
		EligibilityInput input = in.build();
		return rules.evaluate(input, RuleParameters.defaultsOn(input.referenceDate()));
	}

	private static EligibilityInput.Builder student20() {
		return EligibilityInput.builder()
			.relationship("長男")
			.birthDate(LocalDate.of(2006, 5, 20))
			.student("〇〇大学", "2年")
			.referenceDate(REFERENCE);
	}

	@Test
	void the_reason_names_the_limit_in_plain_japanese() {
		EligibilityResult result = evaluate(student20().income(IncomeKind.SALARY, 1_500_000));

		assertThat(result.warnings()).extracting(Warning::message)
			.containsExactly("年間収入見込額が150万円以上のため、扶養の条件を満たさない可能性があります");
		assertThat(result.warnings().get(0).message(Locale.ENGLISH)).isEqualTo(
				"The expected annual income is ¥1,500,000 or more, so the dependent may not meet the conditions");
	}

	@Test
	void remittance_reason_names_the_yearly_remittance() {
		EligibilityResult result = evaluate(
				student20().livingApart(100_000L, RemittanceMethod.TRANSFER).income(IncomeKind.SALARY, 1_250_000));

		assertThat(result.annualRemittance()).isEqualTo(1_200_000L);
		assertThat(result.warnings()).extracting(Warning::message)
			.containsExactly("年間収入見込額が仕送り額（1年分で120万円）以上のため、扶養の条件を満たさない可能性があります");
	}

	@Test
	void the_75th_birthday_is_named_ahead() {
		EligibilityResult result = evaluate(EligibilityInput.builder()
			.relationship("母")
			.birthDate(LocalDate.of(1951, 12, 24))
			.referenceDate(REFERENCE));

		assertThat(result.latterStageElderly()).isFalse();
		assertThat(result.latterStageDate()).isEqualTo(LocalDate.of(2026, 12, 24));
		assertThat(result.warnings()).extracting(Warning::message)
			.containsExactly("2026年12月24日に75歳になり、後期高齢者医療制度の対象となるため、その日に扶養から外れます");
	}

	@Test
	void dependents_of_an_insured_person_aged_75_lose_eligibility_too() {
		EligibilityResult result = evaluate(EligibilityInput.builder()
			.relationship("妻")
			.birthDate(LocalDate.of(1960, 1, 1))
			.insuredBirthDate(LocalDate.of(1951, 9, 1))
			.referenceDate(REFERENCE));

		assertThat(result.warningCodes()).containsExactly("INSURED_LATTER_STAGE");
	}

	@ParameterizedTest
	@CsvSource({ "REMOVE", "IN_PROGRESS" })
	void a_dependent_being_removed_is_not_checked(Continuation continuation) {
		EligibilityResult result = evaluate(
				student20().continuation(continuation).income(IncomeKind.SALARY, 5_000_000).abroad(null));

		assertThat(result.warnings()).isEmpty();
		assertThat(result.documents()).isEmpty();
		assertThat(List.of(result.incomeTest(), result.togetherTest(), result.apartTest(), result.domesticResidence()))
			.containsOnly(Check.NOT_APPLICABLE);
	}

	@Test
	void monthly_and_daily_equivalents_match_what_kenpo_print() {
		EligibilityResult standard = evaluate(EligibilityInput.builder()
			.relationship("妻")
			.birthDate(LocalDate.of(1985, 1, 1))
			.referenceDate(REFERENCE));
		EligibilityResult young = evaluate(student20());

		assertThat(standard.monthlyLimit()).isEqualTo(108_334);
		assertThat(standard.dailyLimit()).isEqualTo(3_612);
		assertThat(young.monthlyLimit()).isEqualTo(125_000);
		assertThat(young.dailyLimit()).isEqualTo(4_167);
	}

	@ParameterizedTest(name = "born {0}, on {1}: {2}")
	@CsvSource({ "2007-01-01, 2025-12-31, 19", "2007-01-01, 2025-12-30, 18", "2004-02-29, 2023-02-28, 19",
			"2004-02-29, 2023-02-27, 18", "2000-06-15, 2000-06-15, 0" })
	void age_is_counted_the_legal_way(LocalDate birth, LocalDate on, int age) {
		assertThat(EligibilityRules.legalAge(birth, on)).isEqualTo(age);
	}

	@Test
	void must_live_together_follows_the_relationship() {
		assertThat(EligibilityRules.mustLiveTogether(RelationshipCategory.PARENT, "義父")).isTrue();
		assertThat(EligibilityRules.mustLiveTogether(RelationshipCategory.OTHER, "その他")).isTrue();
		assertThat(EligibilityRules.mustLiveTogether(RelationshipCategory.PARENT, "母")).isFalse();
		assertThat(EligibilityRules.mustLiveTogether(RelationshipCategory.SIBLING, "兄")).isFalse();
		assertThat(EligibilityRules.mustLiveTogether(RelationshipCategory.GRANDCHILD, null)).isFalse();
	}

	@Test
	void tenant_sets_override_from_their_date_until_the_next_set() {
		RuleParameters stricter = new RuleParameters(LocalDate.of(2026, 4, 1), 1_200_000, 1_400_000L, 19, 22, 1_700_000,
				60, 75);

		assertThat(RuleParameters.effectiveOn(LocalDate.of(2026, 3, 31), List.of(stricter)))
			.isEqualTo(RuleParameters.SINCE_2025_10);
		assertThat(RuleParameters.effectiveOn(LocalDate.of(2026, 4, 1), List.of(stricter))).isEqualTo(stricter);
		assertThat(RuleParameters.effectiveOn(LocalDate.of(2025, 10, 1),
				List.of(stricter.withValidFrom(LocalDate.of(2025, 10, 1)))))
			.isEqualTo(stricter.withValidFrom(LocalDate.of(2025, 10, 1)));
		assertThat(RuleParameters.effectiveOn(LocalDate.of(2019, 1, 1), List.of()))
			.isEqualTo(RuleParameters.SINCE_2020_04);
	}

	@Test
	void every_document_has_a_japanese_name_and_explanation_in_both_languages() {
		for (RequiredDocument doc : RequiredDocument.values()) {
			assertThat(doc.displayName()).isNotBlank();
			assertThat(doc.explanation()).isNotBlank();
			assertThat(doc.displayName(Locale.ENGLISH)).isNotBlank().isNotEqualTo(doc.displayName());
		}
		assertThat(RequiredDocument.STUDENT_CERTIFICATE.displayName()).isEqualTo("在学証明書または学生証の写し");
	}

}
