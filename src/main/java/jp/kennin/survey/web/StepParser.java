package jp.kennin.survey.web;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jp.kennin.eligibility.YenAmount;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyQuestion;
import jp.kennin.survey.SurveyStep;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;

/**
 * Reads the fields of one step into the answers, or records why they cannot be read, from
 * the questions' descriptions ({@link SurveyQuestion}): each question of the step is read
 * by its kind from the form field of its key, checked (required, length, range, no
 * control characters) and dropped when its reveal condition does not hold. Fields of
 * other steps are left as they were. Full-width digits and commas are accepted
 * everywhere.
 */
final class StepParser {

	private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

	private StepParser() {
	}

	/**
	 * @return the updated answers, or null when {@code errors} has errors
	 */
	static DependentAnswers apply(SurveyStep step, AnswerForm f, DependentAnswers current, Errors errors) {
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(f);
		DependentAnswers updated = current;
		for (SurveyQuestion q : SurveyQuestion.of(step)) {
			// Earlier questions of the step are already updated, so a reveal condition
			// sees the new choice.
			if (!updated.shows(q)) {
				updated = updated.with(q, null);
				continue;
			}
			updated = updated.with(q, read(q, form, updated, errors));
		}
		if (step == SurveyStep.INCOME && updated.salaryOnly() && updated.totalIncome() != nz(updated.incomeSalary())) {
			// 給与収入のみ contradicts an amount of another kind: the labour-contract rule
			// would not apply.
			errors.rejectValue(AnswerForm.path(SurveyQuestion.SALARY_ONLY), "survey.form.error.salaryOnlyOtherIncome");
		}
		return errors.hasErrors() ? null : updated;
	}

	private static Object read(SurveyQuestion q, BeanWrapper form, DependentAnswers answers, Errors errors) {
		String field = AnswerForm.path(q);
		boolean required = q.requiredMessage() != null;
		String requiredMessage = q.requiredMessage();
		if (q.requiredWhen() != null && answers.holds(q.requiredWhen())) {
			required = true;
			requiredMessage = q.requiredWhenMessage();
		}
		return switch (q.kind()) {
			case CHOICE -> choice(q, (String) form.getPropertyValue(field), errors);
			case CHOICES -> choices(q, (Collection<?>) form.getPropertyValue(field), errors);
			case YEN -> yen(q, (String) form.getPropertyValue(field), errors);
			case DATE -> date(q, form, errors);
			case TEXT -> text(q, (String) form.getPropertyValue(field), required, requiredMessage, errors);
			case YES_NO -> yesNo(q, (String) form.getPropertyValue(field), errors);
			case FLAG -> {
				Object ticked = form.getPropertyValue(field);
				yield Boolean.TRUE.equals(ticked) || "true".equals(ticked);
			}
			case HOURS -> hours(q, (String) form.getPropertyValue(field), errors);
			case DAYS -> days(q, (String) form.getPropertyValue(field), errors);
		};
	}

	private static Enum<?> choice(SurveyQuestion q, String value, Errors errors) {
		for (Enum<?> e : q.choices()) {
			if (e.name().equals(value)) {
				return e;
			}
		}
		errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
		return null;
	}

	private static Set<?> choices(SurveyQuestion q, Collection<?> typed, Errors errors) {
		Set<Enum<?>> chosen = new LinkedHashSet<>();
		if (typed != null) {
			for (Enum<?> e : q.choices()) {
				if (typed.stream().anyMatch(t -> e.name().equals(String.valueOf(t)))) {
					chosen.add(e);
				}
			}
		}
		if (chosen.isEmpty() && q.requiredMessage() != null) {
			errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
		}
		return chosen;
	}

	private static Long yen(SurveyQuestion q, String typed, Errors errors) {
		YenAmount.Parsed parsed = YenAmount.parse(typed);
		if (parsed.blank()) {
			if (q.requiredMessage() != null) {
				errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
			}
			return q.zeroWhenBlank() ? 0L : null;
		}
		if (!parsed.valid()) {
			errors.rejectValue(AnswerForm.path(q), "survey.form.error.amountInvalid");
			return null;
		}
		return parsed.yen();
	}

	/**
	 * Three boxes: {@link AnswerForm#path(SurveyQuestion, String)} Year, Month and Day.
	 */
	private static LocalDate date(SurveyQuestion q, BeanWrapper form, Errors errors) {
		String year = AnswerForm.path(q, "Year");
		String y = clean((String) form.getPropertyValue(year));
		String m = clean((String) form.getPropertyValue(AnswerForm.path(q, "Month")));
		String d = clean((String) form.getPropertyValue(AnswerForm.path(q, "Day")));
		if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
			errors.rejectValue(year, q.requiredMessage());
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
		}
		catch (NumberFormatException | DateTimeException ex) {
			// A date's "not a real date" message is its required message with Invalid for
			// Required.
			errors.rejectValue(year, q.requiredMessage().replace("Required", "Invalid"));
			return null;
		}
	}

	private static String text(SurveyQuestion q, String typed, boolean required, String message, Errors errors) {
		String value = clean(typed);
		if (required && value.isEmpty()) {
			errors.rejectValue(AnswerForm.path(q), message);
		}
		if (value.length() > q.maxLength()) {
			errors.rejectValue(AnswerForm.path(q), "survey.form.error.tooLong", new Object[] { q.maxLength() }, null);
		}
		else if (NoControlCharacters.Check.found(value, false)) {
			// PostgreSQL cannot store a NUL; every text answer is one line.
			errors.rejectValue(AnswerForm.path(q), "survey.form.error.controlCharacters");
		}
		return value;
	}

	private static Boolean yesNo(SurveyQuestion q, String typed, Errors errors) {
		if (!"yes".equals(typed) && !"no".equals(typed)) {
			errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
			return null;
		}
		return "yes".equals(typed);
	}

	private static BigDecimal hours(SurveyQuestion q, String typed, Errors errors) {
		String value = clean(typed).replace("時間", "");
		if (value.isEmpty()) {
			errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
			return null;
		}
		try {
			BigDecimal hours = new BigDecimal(value);
			if (hours.signum() > 0 && hours.compareTo(MAX_HOURS) <= 0 && hours.stripTrailingZeros().scale() <= 2) {
				return hours.stripTrailingZeros();
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.rejectValue(AnswerForm.path(q), "survey.form.error.hoursInvalid");
		return null;
	}

	private static Integer days(SurveyQuestion q, String typed, Errors errors) {
		String value = clean(typed).replace("日", "");
		if (value.isEmpty()) {
			errors.rejectValue(AnswerForm.path(q), q.requiredMessage());
			return null;
		}
		if (!value.matches("[1-7]")) {
			errors.rejectValue(AnswerForm.path(q), "survey.form.error.daysInvalid");
			return null;
		}
		return Integer.valueOf(value);
	}

	private static long nz(Long v) {
		return v == null ? 0 : v;
	}

	static String clean(String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}

}
