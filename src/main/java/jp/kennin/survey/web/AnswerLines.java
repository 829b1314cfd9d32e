package jp.kennin.survey.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Living;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.YenFormat;
import jp.kennin.survey.DependentAnswers;

import org.springframework.context.MessageSource;

/**
 * One dependent's answers as label/value lines in the member's language, for the PDF
 * copy; amounts in 円, the remittance as 月額.
 */
final class AnswerLines {

	private AnswerLines() {
	}

	record Line(String label, String value) {
	}

	static List<Line> of(DependentAnswers a, MessageSource messages, Locale locale) {
		List<Line> lines = new ArrayList<>();
		String unanswered = msg(messages, locale, "survey.form.notAnswered");
		lines.add(new Line(msg(messages, locale, "survey.q.continuation"),
				label(a.continuation(), messages, locale, unanswered)));
		if (a.continuation() == Continuation.REMOVE) {
			lines.add(new Line(msg(messages, locale, "survey.q.removalDate"),
					a.removalDate() == null ? unanswered : DateStyle.DAY.format(a.removalDate(), locale)));
			lines.add(new Line(msg(messages, locale, "survey.q.removalReason"), label(a.removalReason(), messages,
					locale, unanswered)
					+ (a.removalNote() == null || a.removalNote().isEmpty() ? "" : "（" + a.removalNote() + "）")));
		}
		if (a.rosterWrong()) {
			lines.add(new Line(msg(messages, locale, "survey.q.rosterCorrection"), a.rosterCorrection()));
		}
		if (!a.staying()) {
			return lines;
		}
		String living = label(a.living(), messages, locale, unanswered);
		if (a.living() == Living.APART) {
			living += " " + (a.address() == null ? "" : a.address()) + " / "
					+ messages.getMessage("survey.form.remittanceSummary", new Object[] {
							yen(a.remittanceMonthly(), locale), label(a.remittanceMethod(), messages, locale, "") },
							locale);
		}
		lines.add(new Line(msg(messages, locale, "survey.q.living"), living));
		String occupations = a.occupations().isEmpty() ? unanswered
				: a.occupations()
					.stream()
					.sorted()
					.map(o -> label(o, messages, locale, ""))
					.collect(Collectors.joining("、"));
		if (a.schoolName() != null) {
			occupations += "（" + a.schoolName() + " " + (a.schoolGrade() == null ? "" : a.schoolGrade()) + "）";
		}
		lines.add(new Line(msg(messages, locale, "survey.q.occupation"), occupations));
		lines.add(new Line(msg(messages, locale, "survey.q.income"),
				a.incomeSalary() == null ? unanswered
						: YenFormat.amount(a.totalIncome(), locale) + messages.getMessage("survey.form.incomeBreakdown",
								new Object[] { yen(a.incomeSalary(), locale), yen(a.incomePension(), locale),
										yen(a.incomeBusiness(), locale), yen(a.incomeUnemployment(), locale),
										yen(a.incomeOther(), locale) },
								locale)));
		for (jp.kennin.survey.SurveyQuestion q : jp.kennin.survey.SurveyQuestion.values()) {
			boolean shown = q.listed() && a.shows(q)
					&& (q.kind() != jp.kennin.survey.SurveyQuestion.Kind.FLAG || Boolean.TRUE.equals(a.value(q)));
			if (shown) {
				lines.add(new Line(msg(messages, locale, q.labelKey()), AnswerText.format(q, a, messages, locale)));
			}
		}
		lines.add(new Line(msg(messages, locale, "survey.q.residence"), label(a.residence(), messages, locale,
				unanswered)
				+ (a.abroadException() == null ? "" : "（" + label(a.abroadException(), messages, locale, "") + "）")));
		lines.add(new Line(msg(messages, locale, "survey.q.disability"), a.disabled() == null ? unanswered
				: msg(messages, locale, a.disabled() ? "survey.form.yes" : "survey.form.no")));
		return lines;
	}

	private static String yen(Long amount, Locale locale) {
		return YenFormat.amount(amount == null ? 0 : amount, locale);
	}

	private static String label(Enum<?> e, MessageSource messages, Locale locale, String fallback) {
		return e == null ? fallback : messages.getMessage(
				"survey.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null, e.name(), locale);
	}

	private static String msg(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
