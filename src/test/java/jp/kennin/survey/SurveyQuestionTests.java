package jp.kennin.survey;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jp.kennin.eligibility.LabourContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question catalogue is complete: every question has labels in Japanese and English,
 * a column, a CSV header, a reveal condition naming a question asked before it on the
 * same page, and every message it refers to.
 */
class SurveyQuestionTests {

	private static final Properties JA = load("ja");

	private static final Properties EN = load("en");

	@ParameterizedTest
	@EnumSource(SurveyQuestion.class)
	void every_question_has_labels_in_japanese_and_english_a_column_and_a_csv_header(SurveyQuestion q) {
		assertThat(JA.getProperty(q.labelKey())).as("ja " + q.labelKey()).isNotBlank();
		assertThat(EN.getProperty(q.labelKey())).as("en " + q.labelKey()).isNotBlank();
		assertThat(q.column()).matches("[a-z][a-z_]*");
		assertThat(q.csvHeader()).isNotBlank();
		if (q.requiredMessage() != null) {
			assertThat(JA.getProperty(q.requiredMessage())).as(q.requiredMessage()).isNotBlank();
			assertThat(EN.getProperty(q.requiredMessage())).as(q.requiredMessage()).isNotBlank();
		}
		for (Enum<?> choice : q.choices()) {
			String key = "survey.enum." + choice.getDeclaringClass().getSimpleName() + "." + choice.name();
			assertThat(JA.getProperty(key)).as(key).isNotBlank();
			assertThat(EN.getProperty(key)).as(key).isNotBlank();
		}
		assertThat(q.choices().isEmpty())
			.isEqualTo(q.kind() != SurveyQuestion.Kind.CHOICE && q.kind() != SurveyQuestion.Kind.CHOICES);
	}

	@ParameterizedTest
	@EnumSource(SurveyQuestion.class)
	void a_reveal_condition_names_an_earlier_question_of_the_same_page_and_one_of_its_values(SurveyQuestion q) {
		for (SurveyQuestion.When when : Stream.of(q.revealedWhen(), q.requiredWhen())
			.filter(Objects::nonNull)
			.toList()) {
			SurveyQuestion by = SurveyQuestion.byKey(when.key());
			assertThat(by.step()).isEqualTo(q.step());
			assertThat(by.ordinal()).isLessThan(q.ordinal());
			Set<String> possible = new HashSet<>(by.choices().stream().map(Enum::name).toList());
			if (by.kind() == SurveyQuestion.Kind.FLAG) {
				possible.add("true");
			}
			assertThat(possible).as(q + " revealed by " + when).contains(when.value());
		}
	}

	@ParameterizedTest
	@EnumSource(SurveyQuestion.class)
	void a_listed_question_is_one_the_page_can_draw_from_its_description_after_the_hand_laid_ones(SurveyQuestion q) {
		if (!q.listed()) {
			return;
		}
		assertThat(q.kind()).as("questions.html :: question draws no tick-box lists")
			.isNotEqualTo(SurveyQuestion.Kind.CHOICES);
		assertThat(SurveyQuestion.of(q.step()).stream().filter(x -> x.ordinal() > q.ordinal()))
			.as("step.html adds listed questions after the page's hand-laid ones")
			.allMatch(SurveyQuestion::listed);
	}

	@Test
	void keys_and_columns_and_csv_headers_are_unique() {
		assertThat(Arrays.stream(SurveyQuestion.values()).map(SurveyQuestion::key)).doesNotHaveDuplicates();
		assertThat(Arrays.stream(SurveyQuestion.values()).map(SurveyQuestion::column)).doesNotHaveDuplicates();
		assertThat(SurveyQuestion.csvColumns().stream().map(SurveyQuestion.CsvColumn::header)).doesNotHaveDuplicates();
	}

	@Test
	void the_labour_contract_questions_are_revealed_by_salary_only_and_hours_by_an_hourly_wage() {
		DependentAnswers none = DependentAnswers.empty(1);
		assertThat(none.shows(SurveyQuestion.CONTRACT_WAGE)).isFalse();
		DependentAnswers salaryOnly = none.with(SurveyQuestion.SALARY_ONLY, true);
		assertThat(salaryOnly.shows(SurveyQuestion.CONTRACT_WAGE)).isTrue();
		assertThat(salaryOnly.shows(SurveyQuestion.CONTRACT_HOURS_PER_DAY)).isFalse();
		DependentAnswers hourly = salaryOnly.with(SurveyQuestion.CONTRACT_WAGE_KIND, LabourContract.Kind.HOURLY);
		assertThat(hourly.shows(SurveyQuestion.CONTRACT_HOURS_PER_DAY)).isTrue();
		assertThat(hourly.with(SurveyQuestion.SALARY_ONLY, false).shows(SurveyQuestion.CONTRACT_HOURS_PER_DAY))
			.as("hidden with the question that reveals its parent")
			.isFalse();
		assertThat(none.with(SurveyQuestion.OCCUPATIONS, Set.of(jp.kennin.eligibility.Occupation.STUDENT))
			.shows(SurveyQuestion.SCHOOL_NAME)).isTrue();
	}

	@Test
	void the_typed_accessor_builds_the_labour_contract_only_when_complete() {
		DependentAnswers a = DependentAnswers.empty(1)
			.with(SurveyQuestion.SALARY_ONLY, true)
			.with(SurveyQuestion.CONTRACT_WAGE_KIND, LabourContract.Kind.HOURLY)
			.with(SurveyQuestion.CONTRACT_WAGE, 1_100L);
		assertThat(a.labourContract()).isNull();
		LabourContract contract = a.with(SurveyQuestion.CONTRACT_HOURS_PER_DAY, new BigDecimal("6"))
			.with(SurveyQuestion.CONTRACT_DAYS_PER_WEEK, 4)
			.labourContract();
		assertThat(contract.annualIncome(52)).isEqualTo(1_372_800);
	}

	@Test
	void the_csv_columns_keep_the_total_income_before_its_parts() {
		var headers = SurveyQuestion.csvColumns().stream().map(SurveyQuestion.CsvColumn::header).toList();
		assertThat(headers.indexOf("年間収入見込額")).isEqualTo(headers.indexOf("給与") - 1);
		assertThat(headers).contains("扶養の継続", "仕送り方法", "給与収入のみ（労働条件通知書で判定）", "労働条件通知書：週の労働日数");
	}

	private static Properties load(String lang) {
		Properties p = new Properties();
		try (var in = SurveyQuestionTests.class.getClassLoader()
			.getResourceAsStream("messages/survey_" + lang + ".properties")) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}

}
