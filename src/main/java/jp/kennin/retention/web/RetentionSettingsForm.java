package jp.kennin.retention.web;

import java.text.Normalizer;

import jp.kennin.retention.RetentionSettings;

import org.springframework.validation.BindingResult;

/**
 * The retention periods as typed (full-width digits accepted); a wrong value gets a
 * message next to its field and the input is kept.
 */
public class RetentionSettingsForm {

	private String documentYears = "";

	private String personalDataYears = "";

	static RetentionSettingsForm of(RetentionSettings s) {
		RetentionSettingsForm form = new RetentionSettingsForm();
		form.documentYears = String.valueOf(s.documentYears());
		form.personalDataYears = String.valueOf(s.personalDataYears());
		return form;
	}

	void validate(BindingResult result) {
		if (years(documentYears) == null) {
			result.rejectValue("documentYears", "retention.settings.error.years",
					new Object[] { RetentionSettings.MIN_YEARS, RetentionSettings.MAX_YEARS }, null);
		}
		if (years(personalDataYears) == null) {
			result.rejectValue("personalDataYears", "retention.settings.error.years",
					new Object[] { RetentionSettings.MIN_YEARS, RetentionSettings.MAX_YEARS }, null);
		}
	}

	/** Call after {@link #validate} found no error. */
	RetentionSettings settings() {
		return new RetentionSettings(years(documentYears), years(personalDataYears));
	}

	/** The whole number of years within the allowed range, or null. */
	private static Integer years(String value) {
		String s = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replace("年", "");
		if (!s.matches("[0-9]{1,2}")) {
			return null;
		}
		int years = Integer.parseInt(s);
		return years >= RetentionSettings.MIN_YEARS && years <= RetentionSettings.MAX_YEARS ? years : null;
	}

	public String getDocumentYears() {
		return documentYears;
	}

	public void setDocumentYears(String documentYears) {
		this.documentYears = documentYears;
	}

	public String getPersonalDataYears() {
		return personalDataYears;
	}

	public void setPersonalDataYears(String personalDataYears) {
		this.personalDataYears = personalDataYears;
	}

}
