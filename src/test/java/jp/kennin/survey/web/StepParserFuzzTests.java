package jp.kennin.survey.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyQuestion;
import jp.kennin.survey.SurveyStep;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a member (or a hand-made POST) sends for a step, the answer parser either
 * gives updated answers or field errors (each on a field the form has, so it is shown
 * next to that field), never both and never an exception. Seeds in
 * {@code src/test/resources/jp/kennin/survey/web/StepParserFuzzTestsInputs/}.
 */
class StepParserFuzzTests {

	@FuzzTest(maxDuration = "60s")
	void parseGivesAnswersOrFieldErrors(FuzzedDataProvider data) {
		SurveyStep step = data.pickValue(SurveyStep.values());
		AnswerForm form = new AnswerForm();
		BeanWrapper fields = PropertyAccessorFactory.forBeanPropertyAccess(form);
		for (SurveyQuestion q : SurveyQuestion.of(step)) {
			fill(q, fields, data);
		}
		Errors errors = new BeanPropertyBindingResult(form, "answerForm");
		DependentAnswers updated = StepParser.apply(step, form, DependentAnswers.empty(1), errors);
		assertThat(updated == null).isEqualTo(errors.hasErrors());
		assertThat(errors.getGlobalErrorCount()).isZero();
		for (FieldError error : errors.getFieldErrors()) {
			assertThat(fields.isReadableProperty(error.getField())).as(error.getField()).isTrue();
			assertThat(error.getCode()).isNotBlank();
		}
		if (updated != null) {
			for (SurveyQuestion q : SurveyQuestion.of(step)) {
				if (q.kind() == SurveyQuestion.Kind.YEN && updated.value(q) != null) {
					assertThat((Long) updated.value(q)).isNotNegative();
				}
				if (q.kind() == SurveyQuestion.Kind.TEXT && updated.value(q) instanceof String text) {
					// What the database (PostgreSQL) could not store never gets past the
					// parser.
					assertThat(NoControlCharacters.Check.found(text, false)).as(q.key()).isFalse();
				}
			}
		}
	}

	/**
	 * Mostly fuzzed text; choices are often valid names, so the parser gets past the
	 * reveal conditions.
	 */
	private static void fill(SurveyQuestion q, BeanWrapper fields, FuzzedDataProvider data) {
		List<? extends Enum<?>> choices = q.choices();
		switch (q.kind()) {
			case CHOICE -> fields.setPropertyValue(q.key(),
					(data.consumeBoolean() && !choices.isEmpty()) ? data.pickValue(choices).name() : text(data));
			case CHOICES -> {
				Set<Enum<?>> chosen = new LinkedHashSet<>();
				for (Enum<?> choice : choices) {
					if (data.consumeBoolean()) {
						chosen.add(choice);
					}
				}
				fields.setPropertyValue(q.key(), chosen);
			}
			case DATE -> {
				String prefix = q.key().replaceFirst("Date$", "");
				fields.setPropertyValue(prefix + "Year", text(data));
				fields.setPropertyValue(prefix + "Month", text(data));
				fields.setPropertyValue(prefix + "Day", text(data));
			}
			case FLAG -> fields.setPropertyValue(q.key(), data.consumeBoolean());
			case YES_NO -> fields.setPropertyValue(q.key(), data.consumeBoolean() ? "yes" : text(data));
			default -> fields.setPropertyValue(q.key(), data.consumeBoolean() ? null : text(data));
		}
	}

	private static String text(FuzzedDataProvider data) {
		return data.consumeString(40);
	}

}
