package jp.kennin.survey.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jp.kennin.survey.SurveyQuestion;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form binding holds every question (three fields for a date), so the parser can read
 * it: a hand-laid question in a property of its own, a listed one in the map of answers
 * without any code of its own.
 */
class AnswerFormTests {

	@ParameterizedTest
	@EnumSource(SurveyQuestion.class)
	void every_question_has_its_form_property(SurveyQuestion q) {
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(new AnswerForm());
		if (q.kind() == SurveyQuestion.Kind.DATE) {
			assertThat(form.isWritableProperty(AnswerForm.path(q, "Year"))
					&& form.isWritableProperty(AnswerForm.path(q, "Month"))
					&& form.isWritableProperty(AnswerForm.path(q, "Day")))
				.as(q.key())
				.isTrue();
		}
		else {
			assertThat(form.isWritableProperty(AnswerForm.path(q))).as(q.key()).isTrue();
		}
		if (q.listed()) {
			assertThat(form.isWritableProperty(q.key()))
				.as("a listed question needs no property of its own: " + q.key())
				.isFalse();
		}
	}

}
