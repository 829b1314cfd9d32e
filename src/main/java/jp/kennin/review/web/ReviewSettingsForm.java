package jp.kennin.review.web;

import java.util.List;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.review.ReasonTemplates;
import jp.kennin.review.Reviews.ReviewSettings;

import org.springframework.validation.Errors;

/**
 * The review settings page as typed: numbers as text so a wrong entry comes back with its
 * message next to the field and everything else kept.
 */
public class ReviewSettingsForm {

	private boolean fourEyes;

	private String correctionDays = "";

	private String reasonTemplates = "";

	private String bulkSamplePercent = "";

	private boolean blindIncome;

	private String incomeToleranceYen = "";

	private String rebuttalDays = "0";

	static ReviewSettingsForm of(ReviewSettings s) {
		ReviewSettingsForm f = new ReviewSettingsForm();
		f.fourEyes = s.fourEyes();
		f.correctionDays = String.valueOf(s.correctionDays());
		f.reasonTemplates = String.join("\n", s.reasonTemplates());
		f.bulkSamplePercent = String.valueOf(s.bulkSamplePercent());
		f.blindIncome = s.blindIncome();
		f.incomeToleranceYen = String.valueOf(s.incomeToleranceYen());
		f.rebuttalDays = String.valueOf(s.rebuttalDays());
		return f;
	}

	/** Rejects each wrong field with its message (review bundle). */
	void validate(Errors errors) {
		Integer days = number(correctionDays, 2);
		if (days == null || days < 1 || days > 60) {
			errors.rejectValue("correctionDays", "review.settings.error.correctionDays");
		}
		if (NoControlCharacters.Check.found(reasonTemplates, true)) {
			errors.rejectValue("reasonTemplates", "review.settings.error.templatesControl");
		}
		else {
			String problem = ReasonTemplates.problem(templates());
			if (problem != null) {
				errors.rejectValue("reasonTemplates", problem);
			}
		}
		Integer percent = number(bulkSamplePercent, 3);
		if (percent == null || percent > 100) {
			errors.rejectValue("bulkSamplePercent", "review.settings.error.samplePercent");
		}
		if (number(incomeToleranceYen, 9) == null) {
			errors.rejectValue("incomeToleranceYen", "review.settings.error.incomeTolerance");
		}
		Integer rebuttal = number(rebuttalDays, 2);
		if (rebuttal == null || rebuttal > 90) {
			errors.rejectValue("rebuttalDays", "review.settings.error.rebuttalDays");
		}
	}

	/** Only after {@link #validate} found nothing wrong. */
	ReviewSettings settings() {
		return new ReviewSettings(fourEyes, number(correctionDays, 2), templates(), number(bulkSamplePercent, 3),
				blindIncome, number(incomeToleranceYen, 9), number(rebuttalDays, 2));
	}

	List<String> templates() {
		return ReasonTemplates.parse(reasonTemplates);
	}

	/** A whole number of at most {@code digits} digits (commas allowed), else null. */
	private static Integer number(String text, int digits) {
		String plain = text == null ? "" : text.strip().replace(",", "").replace("，", "");
		if (!plain.matches("[0-9]{1," + digits + "}")) {
			return null;
		}
		return Integer.valueOf(plain);
	}

	public boolean isFourEyes() {
		return fourEyes;
	}

	public void setFourEyes(boolean fourEyes) {
		this.fourEyes = fourEyes;
	}

	public String getCorrectionDays() {
		return correctionDays;
	}

	public void setCorrectionDays(String correctionDays) {
		this.correctionDays = correctionDays;
	}

	public String getReasonTemplates() {
		return reasonTemplates;
	}

	public void setReasonTemplates(String reasonTemplates) {
		this.reasonTemplates = reasonTemplates;
	}

	public String getBulkSamplePercent() {
		return bulkSamplePercent;
	}

	public void setBulkSamplePercent(String bulkSamplePercent) {
		this.bulkSamplePercent = bulkSamplePercent;
	}

	public boolean isBlindIncome() {
		return blindIncome;
	}

	public void setBlindIncome(boolean blindIncome) {
		this.blindIncome = blindIncome;
	}

	public String getIncomeToleranceYen() {
		return incomeToleranceYen;
	}

	public void setIncomeToleranceYen(String incomeToleranceYen) {
		this.incomeToleranceYen = incomeToleranceYen;
	}

	public String getRebuttalDays() {
		return rebuttalDays;
	}

	public void setRebuttalDays(String rebuttalDays) {
		this.rebuttalDays = rebuttalDays;
	}

}
