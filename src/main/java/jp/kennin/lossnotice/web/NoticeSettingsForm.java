package jp.kennin.lossnotice.web;

import java.text.Normalizer;

import jp.kennin.lossnotice.NoticeSettings;

import org.springframework.validation.BindingResult;

/**
 * The notice settings as typed: full-width digits and thousands separators are accepted,
 * a wrong value gets a message next to its field and the rest of the input is kept.
 */
public class NoticeSettingsForm {

	static final long MAX_COST = 100_000_000L;

	private String insurerNumber = "";

	private String insurerAddress = "";

	private String annualCostYen = "";

	static NoticeSettingsForm of(NoticeSettings s) {
		NoticeSettingsForm form = new NoticeSettingsForm();
		form.insurerNumber = s.insurerNumber() == null ? "" : s.insurerNumber();
		form.insurerAddress = s.insurerAddress() == null ? "" : s.insurerAddress();
		form.annualCostYen = s.annualCostYen() == null ? "" : String.valueOf(s.annualCostYen());
		return form;
	}

	void validate(BindingResult result) {
		String number = normal(insurerNumber);
		if (!number.isEmpty() && !number.matches("[0-9]{8}")) {
			result.rejectValue("insurerNumber", "notice.settings.error.insurerNumber");
		}
		if (insurerAddress != null && insurerAddress.length() > 200) {
			result.rejectValue("insurerAddress", "notice.settings.error.insurerAddress");
		}
		String cost = normal(annualCostYen).replace(",", "").replace("円", "");
		if (!cost.isEmpty() && (!cost.matches("[0-9]{1,9}") || Long.parseLong(cost) > MAX_COST)) {
			result.rejectValue("annualCostYen", "notice.settings.error.annualCostYen");
		}
	}

	NoticeSettings settings() {
		String cost = normal(annualCostYen).replace(",", "").replace("円", "");
		return new NoticeSettings(normal(insurerNumber), insurerAddress == null ? null : insurerAddress.strip(),
				cost.isEmpty() ? null : Long.valueOf(cost));
	}

	private static String normal(String value) {
		return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
	}

	public String getInsurerNumber() {
		return insurerNumber;
	}

	public void setInsurerNumber(String insurerNumber) {
		this.insurerNumber = insurerNumber;
	}

	public String getInsurerAddress() {
		return insurerAddress;
	}

	public void setInsurerAddress(String insurerAddress) {
		this.insurerAddress = insurerAddress;
	}

	public String getAnnualCostYen() {
		return annualCostYen;
	}

	public void setAnnualCostYen(String annualCostYen) {
		this.annualCostYen = annualCostYen;
	}

}
