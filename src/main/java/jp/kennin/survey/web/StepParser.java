package jp.kennin.survey.web;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;
import jp.kennin.eligibility.YenAmount;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.DependentAnswers.RemovalReason;
import jp.kennin.survey.DependentAnswers.Residence;
import jp.kennin.survey.SurveyStep;

import org.springframework.validation.Errors;

/**
 * Reads the fields of one step into the answers, or records why they cannot be read. Fields of other
 * steps are left as they were. Full-width digits and commas are accepted everywhere.
 */
final class StepParser {

	private StepParser() {
	}

	/** @return the updated answers, or null when {@code errors} has errors */
	static DependentAnswers apply(SurveyStep step, AnswerForm f, DependentAnswers current, Errors errors) {
		DependentAnswers updated = switch (step) {
			case CONTINUATION -> continuation(f, current, errors);
			case LIVING -> living(f, current, errors);
			case OCCUPATION -> occupation(f, current, errors);
			case INCOME -> income(f, current, errors);
			case RESIDENCE -> residence(f, current, errors);
			case DISABILITY -> disability(f, current, errors);
		};
		return errors.hasErrors() ? null : updated;
	}

	private static DependentAnswers continuation(AnswerForm f, DependentAnswers a, Errors errors) {
		Continuation value = choice(Continuation.class, f.getContinuation(), "continuation", errors,
				"survey.form.error.continuationRequired");
		LocalDate date = null;
		RemovalReason reason = null;
		if (value == Continuation.REMOVE) {
			date = date(f.getRemovalYear(), f.getRemovalMonth(), f.getRemovalDay(), "removalYear", errors);
			reason = choice(RemovalReason.class, f.getRemovalReason(), "removalReason", errors,
					"survey.form.error.removalReasonRequired");
			if (reason == RemovalReason.OTHER && clean(f.getRemovalNote()).isEmpty()) {
				errors.rejectValue("removalNote", "survey.form.error.removalNoteRequired");
			}
		}
		String correction = clean(f.getRosterCorrection());
		if (f.isRosterWrong() && correction.isEmpty()) {
			errors.rejectValue("rosterCorrection", "survey.form.error.rosterCorrectionRequired");
		}
		limit(correction, 500, "rosterCorrection", errors);
		return a.withContinuation(value, date, reason, value == Continuation.REMOVE ? clean(f.getRemovalNote()) : null,
				f.isRosterWrong(), f.isRosterWrong() ? correction : null);
	}

	private static DependentAnswers living(AnswerForm f, DependentAnswers a, Errors errors) {
		Living value = choice(Living.class, f.getLiving(), "living", errors, "survey.form.error.livingRequired");
		if (value != Living.APART) {
			return a.withLiving(value, null, null, null);
		}
		String address = clean(f.getAddress());
		if (address.isEmpty()) {
			errors.rejectValue("address", "survey.form.error.addressRequired");
		}
		limit(address, 300, "address", errors);
		Long remittance = yen(f.getRemittance(), "remittance", true, errors);
		RemittanceMethod method = choice(RemittanceMethod.class, f.getRemittanceMethod(), "remittanceMethod", errors,
				"survey.form.error.remittanceMethodRequired");
		return a.withLiving(value, address, remittance, method);
	}

	private static DependentAnswers occupation(AnswerForm f, DependentAnswers a, Errors errors) {
		var values = f.getOccupations() == null ? EnumSet.noneOf(Occupation.class) : EnumSet.copyOf(
				f.getOccupations().isEmpty() ? EnumSet.noneOf(Occupation.class) : f.getOccupations());
		if (values.isEmpty()) {
			errors.rejectValue("occupations", "survey.form.error.occupationRequired");
		}
		String school = clean(f.getSchoolName());
		String grade = clean(f.getSchoolGrade());
		if (values.contains(Occupation.STUDENT) && school.isEmpty()) {
			errors.rejectValue("schoolName", "survey.form.error.schoolRequired");
		}
		if (values.contains(Occupation.OTHER) && clean(f.getOccupationNote()).isEmpty()) {
			errors.rejectValue("occupationNote", "survey.form.error.occupationNoteRequired");
		}
		limit(school, 100, "schoolName", errors);
		limit(grade, 20, "schoolGrade", errors);
		boolean student = values.contains(Occupation.STUDENT);
		return a.withOccupation(values, values.contains(Occupation.OTHER) ? clean(f.getOccupationNote()) : null,
				student ? school : null, student ? grade : null);
	}

	/** Income fields left empty count as 0 yen. */
	private static DependentAnswers income(AnswerForm f, DependentAnswers a, Errors errors) {
		long salary = zeroIfBlank(yen(f.getIncomeSalary(), "incomeSalary", false, errors));
		long pension = zeroIfBlank(yen(f.getIncomePension(), "incomePension", false, errors));
		long business = zeroIfBlank(yen(f.getIncomeBusiness(), "incomeBusiness", false, errors));
		long unemployment = zeroIfBlank(yen(f.getIncomeUnemployment(), "incomeUnemployment", false, errors));
		long other = zeroIfBlank(yen(f.getIncomeOther(), "incomeOther", false, errors));
		return a.withIncome(salary, pension, business, unemployment, other);
	}

	private static DependentAnswers residence(AnswerForm f, DependentAnswers a, Errors errors) {
		Residence value = choice(Residence.class, f.getResidence(), "residence", errors,
				"survey.form.error.residenceRequired");
		if (value != Residence.ABROAD) {
			return a.withResidence(value, null, null);
		}
		AbroadException exception = choice(AbroadException.class, f.getAbroadException(), "abroadException", errors,
				"survey.form.error.abroadExceptionRequired");
		String note = clean(f.getAbroadNote());
		limit(note, 200, "abroadNote", errors);
		return a.withResidence(value, exception, note);
	}

	private static DependentAnswers disability(AnswerForm f, DependentAnswers a, Errors errors) {
		if (!"yes".equals(f.getDisabled()) && !"no".equals(f.getDisabled())) {
			errors.rejectValue("disabled", "survey.form.error.disabledRequired");
			return a;
		}
		return a.withDisabled("yes".equals(f.getDisabled()));
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Errors errors, String code) {
		if (value != null) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equals(value)) {
					return e;
				}
			}
		}
		errors.rejectValue(field, code);
		return null;
	}

	private static LocalDate date(String year, String month, String day, String field, Errors errors) {
		String y = clean(year);
		String m = clean(month);
		String d = clean(day);
		if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
			errors.rejectValue(field, "survey.form.error.removalDateRequired");
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.rejectValue(field, "survey.form.error.removalDateInvalid");
			return null;
		}
	}

	private static Long yen(String typed, String field, boolean required, Errors errors) {
		YenAmount.Parsed parsed = YenAmount.parse(typed);
		if (parsed.blank()) {
			if (required) {
				errors.rejectValue(field, "survey.form.error.amountRequired");
			}
			return null;
		}
		if (!parsed.valid()) {
			errors.rejectValue(field, "survey.form.error.amountInvalid");
			return null;
		}
		return parsed.yen();
	}

	private static long zeroIfBlank(Long v) {
		return v == null ? 0 : v;
	}

	private static void limit(String value, int max, String field, Errors errors) {
		if (value.length() > max) {
			errors.rejectValue(field, "survey.form.error.tooLong", new Object[] { max }, null);
		}
	}

	static String clean(String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}

}
