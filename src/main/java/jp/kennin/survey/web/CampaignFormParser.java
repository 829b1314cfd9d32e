package jp.kennin.survey.web;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.kennin.platform.JapanTime;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.ReminderSchedule;
import jp.kennin.survey.TargetRules;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.Errors;

/**
 * Checks a {@link CampaignForm} and turns it into a {@link CampaignDraft}, recording a
 * message per bad field (codes from the survey bundle). Full-width digits are accepted.
 */
final class CampaignFormParser {

	private CampaignFormParser() {
	}

	/**
	 * @return the draft, or null when {@code errors} has errors
	 */
	static CampaignDraft parse(CampaignForm f, Errors errors) {
		String title = clean(f.getTitle());
		if (title.isEmpty()) {
			errors.rejectValue("title", "survey.campaign.error.titleRequired");
		}
		else if (title.length() > 200) {
			errors.rejectValue("title", "survey.campaign.error.titleTooLong");
		}
		else if (NoControlCharacters.Check.found(title, false)) {
			errors.rejectValue("title", "survey.campaign.error.titleControl");
		}
		if (NoControlCharacters.Check.found(f.getInstructions(), true)) {
			errors.rejectValue("instructions", "survey.campaign.error.instructionsControl");
		}
		LocalDate reference = date(f.getReferenceDate(), "referenceDate", true, errors);
		LocalDate opensDate = date(f.getOpensDate(), "opensDate", true, errors);
		LocalTime opensTime = time(f.getOpensTime(), "opensTime", errors);
		LocalDate deadlineDate = date(f.getDeadlineDate(), "deadlineDate", true, errors);
		LocalTime deadlineTime = time(f.getDeadlineTime(), "deadlineTime", errors);
		LocalDate ageOn = date(f.getAgeOn(), "ageOn", false, errors);
		Integer ageMin = age(f.getAgeMin(), "ageMin", errors);
		Integer ageMax = age(f.getAgeMax(), "ageMax", errors);
		LocalDate recognizedUntil = date(f.getRecognizedUntil(), "recognizedUntil", false, errors);
		if (ageMin != null && ageMax != null && ageMin > ageMax) {
			errors.rejectValue("ageMax", "survey.campaign.error.ageRange");
		}
		if ((ageMin != null || ageMax != null) && ageOn == null && !errors.hasFieldErrors("ageOn")) {
			// The hint promises ages on the campaign's 基準日 when no other date is given (a
			// missing 基準日 has its
			// own error).
			ageOn = reference;
		}
		if (f.getCategories() == null || f.getCategories().isEmpty()) {
			errors.rejectValue("categories", "survey.campaign.error.categoriesRequired");
		}
		Instant opensAt = opensDate == null || opensTime == null ? null
				: opensDate.atTime(opensTime).atZone(JapanTime.ZONE).toInstant();
		Instant deadline = deadlineDate == null || deadlineTime == null ? null
				: deadlineDate.atTime(deadlineTime).atZone(JapanTime.ZONE).toInstant();
		if (opensAt != null && deadline != null && !deadline.isAfter(opensAt)) {
			errors.rejectValue("deadlineDate", "survey.campaign.problem.deadlineBeforeOpening");
		}
		ReminderSchedule reminders = reminders(f, errors);
		if (errors.hasErrors()) {
			return null;
		}
		return new CampaignDraft(title, reference, opensAt, deadline, f.isLateSubmissionAllowed(),
				f.getInstructions() == null ? "" : f.getInstructions().strip(),
				new TargetRules(ageOn, ageMin, ageMax, f.getCategories(), recognizedUntil), reminders);
	}

	/**
	 * Days as a list ({@code 14,7,3,1,0}; 、 and spaces also separate; blank is no
	 * reminders) and an hour 0–23.
	 */
	static ReminderSchedule reminders(CampaignForm f, Errors errors) {
		String days = clean(f.getReminderDays());
		List<Integer> list = new ArrayList<>();
		boolean daysOk = true;
		if (!days.isEmpty()) {
			for (String part : days.split("[,、\\s]+")) {
				if (part.isEmpty()) {
					continue;
				}
				if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > ReminderSchedule.MAX_DAYS) {
					daysOk = false;
					break;
				}
				list.add(Integer.valueOf(part));
			}
		}
		if (!daysOk) {
			errors.rejectValue("reminderDays", "survey.campaign.error.reminderDays",
					new Object[] { ReminderSchedule.MAX_DAYS }, null);
		}
		String hour = clean(f.getReminderHour());
		Integer h = hour.matches("\\d{1,2}") && Integer.parseInt(hour) <= 23 ? Integer.valueOf(hour) : null;
		if (h == null) {
			errors.rejectValue("reminderHour", "survey.campaign.error.reminderHour");
		}
		return daysOk && h != null ? new ReminderSchedule(list, h) : null;
	}

	static LocalDate date(String typed, String field, boolean required, Errors errors) {
		String value = clean(typed).replace('/', '-');
		if (value.isEmpty()) {
			if (required) {
				reject(errors, field, "survey.campaign.error.dateRequired");
			}
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			reject(errors, field, "survey.campaign.error.dateInvalid");
			return null;
		}
	}

	static LocalTime time(String typed, String field, Errors errors) {
		String value = clean(typed);
		try {
			return LocalTime.parse(value.length() == 4 ? "0" + value : value);
		}
		catch (DateTimeParseException ex) {
			reject(errors, field, "survey.campaign.error.timeInvalid");
			return null;
		}
	}

	private static Integer age(String typed, String field, Errors errors) {
		String value = clean(typed);
		if (value.isEmpty()) {
			return null;
		}
		if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > 120) {
			reject(errors, field, "survey.campaign.error.ageInvalid");
			return null;
		}
		return Integer.valueOf(value);
	}

	/**
	 * Several fields share one message, so it names the field
	 * ({@code survey.campaign.fieldName.<field>}): the error summary lists them apart
	 * (「回答期限の日付を入力してください。」).
	 */
	private static void reject(Errors errors, String field, String code) {
		errors
			.rejectValue(field, code,
					new Object[] { new DefaultMessageSourceResolvable(
							new String[] { "survey.campaign.fieldName." + field, "survey.campaign.field.date" }) },
					null);
	}

	private static String clean(String s) {
		return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
	}

}
