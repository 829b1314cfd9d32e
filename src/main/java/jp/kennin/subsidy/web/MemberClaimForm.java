package jp.kennin.subsidy.web;

import java.time.LocalDate;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.subsidy.MemberSubsidies.ClaimInput;

import org.springframework.validation.BindingResult;

/**
 * The member's claim form for one person and dose, as typed: strings, so a wrong value
 * comes back as it was with the message next to it. Full-width digits, commas and 円 are
 * taken; the rules (windows, caps, duplicates) are the service's.
 */
public class MemberClaimForm {

	/**
	 * The highest amount taken for one shot (a typo guard, far above any clinic's fee).
	 */
	static final int MAX_YEN = 100_000;

	private long person;

	private int dose = 1;

	private String shotDate;

	private String clinic;

	private String paidYen;

	private String aidYen;

	private boolean combinedReceipt;

	private String combinedNote;

	private int version;

	static MemberClaimForm of(ClaimInput in, int version) {
		MemberClaimForm f = new MemberClaimForm();
		f.person = in.personId();
		f.dose = in.dose();
		f.shotDate = in.shotDate().toString();
		f.clinic = in.clinic();
		f.paidYen = Integer.toString(in.paidYen());
		f.aidYen = Integer.toString(in.aidYen());
		f.combinedReceipt = in.combinedReceipt();
		f.combinedNote = in.combinedNote();
		f.version = version;
		return f;
	}

	/** The input, or null with each problem on its field. */
	ClaimInput validate(BindingResult result) {
		LocalDate shot = date(result);
		Integer paid = yen("paidYen", paidYen, true, result);
		Integer aid = yen("aidYen", aidYen, false, result);
		if (clinic == null || clinic.isBlank()) {
			result.rejectValue("clinic", "subsidy.member.error.clinic");
		}
		else if (NoControlCharacters.Check.found(clinic, false)) {
			result.rejectValue("clinic", "subsidy.member.error.character");
		}
		if (combinedReceipt && combinedNote != null && NoControlCharacters.Check.found(combinedNote, true)) {
			result.rejectValue("combinedNote", "subsidy.member.error.character");
		}
		if (result.hasErrors()) {
			return null;
		}
		return new ClaimInput(person, dose, shot, clinic.strip(), paid, aid == null ? 0 : aid, combinedReceipt,
				combinedNote);
	}

	private LocalDate date(BindingResult result) {
		if (normalized(shotDate).isEmpty()) {
			result.rejectValue("shotDate", "subsidy.member.error.shotDateRequired");
			return null;
		}
		LocalDate date = TypedValues.date(shotDate);
		if (date == null) {
			result.rejectValue("shotDate", "subsidy.member.error.shotDate");
		}
		return date;
	}

	private static Integer yen(String field, String value, boolean required, BindingResult result) {
		String s = normalized(value).replace(",", "").replaceAll("円$", "").strip();
		if (s.isEmpty()) {
			if (required) {
				result.rejectValue(field, "subsidy.member.error." + field + "Required");
			}
			return null;
		}
		if (!s.matches("[0-9]{1,6}") || Integer.parseInt(s) > MAX_YEN) {
			result.rejectValue(field, "subsidy.member.error.yen", new Object[] { MAX_YEN }, null);
			return null;
		}
		return Integer.parseInt(s);
	}

	private static String normalized(String value) {
		return TypedValues.normalized(value);
	}

	public long getPerson() {
		return person;
	}

	public void setPerson(long person) {
		this.person = person;
	}

	public int getDose() {
		return dose;
	}

	public void setDose(int dose) {
		this.dose = dose;
	}

	public String getShotDate() {
		return shotDate;
	}

	public void setShotDate(String shotDate) {
		this.shotDate = shotDate;
	}

	public String getClinic() {
		return clinic;
	}

	public void setClinic(String clinic) {
		this.clinic = clinic;
	}

	public String getPaidYen() {
		return paidYen;
	}

	public void setPaidYen(String paidYen) {
		this.paidYen = paidYen;
	}

	public String getAidYen() {
		return aidYen;
	}

	public void setAidYen(String aidYen) {
		this.aidYen = aidYen;
	}

	public boolean isCombinedReceipt() {
		return combinedReceipt;
	}

	public void setCombinedReceipt(boolean combinedReceipt) {
		this.combinedReceipt = combinedReceipt;
	}

	public String getCombinedNote() {
		return combinedNote;
	}

	public void setCombinedNote(String combinedNote) {
		this.combinedNote = combinedNote;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
