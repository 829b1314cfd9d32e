package jp.kennin.survey.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kennin.platform.DateStyle;
import jp.kennin.platform.YenFormat;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyQuestion;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Answers as text in the reader's language, by the question's kind: the rows the check
 * page, the section page and the PDF copy derive from {@link SurveyQuestion#listed()
 * listed} questions. Templates reach it as {@code @surveyAnswerText}.
 */
@Component("surveyAnswerText")
public class AnswerText {

	private final MessageSource messages;

	AnswerText(MessageSource messages) {
		this.messages = messages;
	}

	/** The listed questions shown for these answers, in order. */
	public List<SurveyQuestion> listed(DependentAnswers a) {
		return Arrays.stream(SurveyQuestion.values())
			.filter(SurveyQuestion::listed)
			.filter(q -> a.staying() && a.shows(q))
			.filter(q -> q.kind() != SurveyQuestion.Kind.FLAG || Boolean.TRUE.equals(a.value(q)))
			.toList();
	}

	public String format(SurveyQuestion q, DependentAnswers a, Locale locale) {
		return format(q, a, messages, locale);
	}

	static String format(SurveyQuestion q, DependentAnswers a, MessageSource messages, Locale locale) {
		Object value = a.value(q);
		if (value == null) {
			return messages.getMessage("survey.form.notAnswered", null, locale);
		}
		return switch (q.kind()) {
			case CHOICE -> label((Enum<?>) value, messages, locale);
			case CHOICES -> ((Set<?>) value).stream()
				.map(e -> label((Enum<?>) e, messages, locale))
				.collect(Collectors.joining(messages.getMessage("text.listSeparator", null, "、", locale)));
			case YEN -> YenFormat.amount((Long) value, locale);
			case YES_NO, FLAG ->
				messages.getMessage((Boolean) value ? "survey.form.yes" : "survey.form.no", null, locale);
			case HOURS ->
				messages.getMessage("survey.form.hours", new Object[] { ((BigDecimal) value).toPlainString() }, locale);
			case DAYS -> messages.getMessage("survey.form.daysPerWeek", new Object[] { value }, locale);
			case DATE -> DateStyle.DAY.format((LocalDate) value, locale);
			case TEXT -> String.valueOf(value);
		};
	}

	private static String label(Enum<?> e, MessageSource messages, Locale locale) {
		return messages.getMessage("survey.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
				e.name(), locale);
	}

}
