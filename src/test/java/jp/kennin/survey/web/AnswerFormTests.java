package jp.kennin.survey.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import jp.kennin.survey.SurveyQuestion;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form binding has a property for every question (three for a date), so the parser
 * can read it.
 */
class AnswerFormTests {

	@ParameterizedTest
	@EnumSource(SurveyQuestion.class)
	void every_question_has_its_form_property(SurveyQuestion q) {
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(new AnswerForm());
		if (q.kind() == SurveyQuestion.Kind.DATE) {
			String prefix = q.key().replaceFirst("Date$", "");
			assertThat(form.isWritableProperty(prefix + "Year") && form.isWritableProperty(prefix + "Month")
					&& form.isWritableProperty(prefix + "Day"))
				.as(q.key())
				.isTrue();
		}
		else {
			assertThat(form.isWritableProperty(q.key())).as(q.key()).isTrue();
		}
	}

}
