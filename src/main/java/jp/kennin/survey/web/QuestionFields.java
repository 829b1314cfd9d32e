package jp.kennin.survey.web;

import java.util.List;

import jp.kennin.survey.SurveyQuestion;
import jp.kennin.survey.SurveyStep;

import org.springframework.stereotype.Component;

/**
 * What {@code questions.html :: question} needs to draw a listed question from its
 * description alone: the step's listed questions, the form field each is bound to, the
 * reveal rule the page's script reads, and the name its choices' labels are filed under.
 * Templates reach it as {@code @surveyQuestionFields}; the member's pages and staff's
 * proxy input use the same one.
 */
@Component("surveyQuestionFields")
public class QuestionFields {

	/** The step's questions drawn from their description, in the order asked. */
	public List<SurveyQuestion> listed(SurveyStep step) {
		return SurveyQuestion.of(step).stream().filter(SurveyQuestion::listed).toList();
	}

	/** The bound field, e.g. {@code answers[contractWage]}. */
	public String field(SurveyQuestion q) {
		return AnswerForm.path(q);
	}

	/** One box of a date question: {@code Year}, {@code Month} or {@code Day}. */
	public String dateField(SurveyQuestion q, String part) {
		return AnswerForm.path(q, part);
	}

	/**
	 * The element id: the key, as the hand-laid fields have it (a date's first box:
	 * {@code <prefix>Year}), so a label, an error and the error summary's link find it.
	 */
	public String id(SurveyQuestion q) {
		return q.kind() == SurveyQuestion.Kind.DATE ? AnswerForm.dateBox(q, "Year") : q.key();
	}

	/**
	 * {@code data-reveal-when} for the question, {@code <field>=<value>} of the question
	 * it depends on; null when it is always shown.
	 */
	public String revealRule(SurveyQuestion q) {
		SurveyQuestion.When when = q.revealedWhen();
		if (when == null) {
			return null;
		}
		return AnswerForm.path(SurveyQuestion.byKey(when.key())) + "=" + when.value();
	}

	/**
	 * The message key prefix of a choice question's labels:
	 * {@code survey.enum.<type>.<CONSTANT>}.
	 */
	public String enumName(SurveyQuestion q) {
		return q.valueType() == null ? null : q.valueType().getSimpleName();
	}

	/** The width class of a typed answer. */
	public String widthClass(SurveyQuestion q) {
		return switch (q.kind()) {
			case YEN -> "input--medium";
			case HOURS, DAYS -> "input--short";
			default -> "";
		};
	}

}
