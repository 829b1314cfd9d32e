package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules table: one row of src/test/resources/eligibility/rules.csv per dependent,
 * with every boundary the issue names (130万 ±1 yen, 19 and 23 on 31 December, age 60, the
 * 75th birthday, the 同居 and 別居 boundaries, spouses, disability, abroad with and without
 * an exception).
 */
class EligibilityRulesTableTests {

	private final EligibilityRules rules = new EligibilityRules();

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = "/eligibility/rules.csv", delimiter = ';', numLinesToSkip = 1, nullValues = "")
	void rules_table(String name, String relation, LocalDate birth, String living, Long remittance, String method,
			String occupations, String income, String abroad, boolean disabled, String insured, int year,
			LocalDate reference, long expectedLimit, Check incomeTest, Check together, Check apart, String warnings,
			String documents) {
		EligibilityInput.Builder in = EligibilityInput.builder()
			.relationship(relation)
			.birthDate(birth)
			.disabled(disabled)
			.campaignYear(year)
			.referenceDate(reference)
			.insuredAnnualIncome("-".equals(insured) ? null : Long.valueOf(insured));
		if ("A".equals(living)) {
			in.livingApart(remittance, method == null ? null : RemittanceMethod.valueOf(method));
		}
		for (String o : split(occupations)) {
			in.occupation(Occupation.valueOf(o));
		}
		for (String kv : split(income)) {
			String[] parts = kv.split("=");
			in.income(IncomeKind.valueOf(parts[0]), Long.parseLong(parts[1]));
		}
		if ("NONE".equals(abroad)) {
			in.abroad(null);
		}
		else if (!"JP".equals(abroad)) {
			in.abroad(AbroadException.valueOf(abroad));
		}

		EligibilityResult result = rules.evaluate(in.build(), RuleParameters.defaultsOn(reference));

		assertThat(result.incomeLimit()).as("income limit").isEqualTo(expectedLimit);
		assertThat(result.incomeTest()).as("income test").isEqualTo(incomeTest);
		assertThat(result.togetherTest()).as("同居 test").isEqualTo(together);
		assertThat(result.apartTest()).as("別居 test").isEqualTo(apart);
		assertThat(result.warningCodes()).as("warnings").containsExactlyInAnyOrderElementsOf(split(warnings));
		result.warnings().forEach(w -> assertThat(w.message()).as("Japanese reason").isNotBlank().doesNotContain("{"));
		if (!"*".equals(documents)) {
			assertThat(result.documents()).as("documents")
				.containsExactlyElementsOf(split(documents).stream().map(RequiredDocument::valueOf).toList());
		}
	}

	private static List<String> split(String list) {
		return list == null ? List.of() : Arrays.stream(list.split("\\|")).map(String::strip).toList();
	}

}
