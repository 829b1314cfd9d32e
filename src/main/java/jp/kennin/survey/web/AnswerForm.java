package jp.kennin.survey.web;

import java.util.EnumSet;
import java.util.Set;

import jp.kennin.eligibility.Occupation;
import jp.kennin.survey.DependentAnswers;

/**
 * One dependent's answers as typed. Everything is a string so a bad value comes back with its message
 * instead of being lost; {@link StepParser} turns the fields of one step into answers.
 */
public class AnswerForm {

	private int version;

	private String continuation;

	private String removalYear = "";

	private String removalMonth = "";

	private String removalDay = "";

	private String removalReason;

	private String removalNote = "";

	private boolean rosterWrong;

	private String rosterCorrection = "";

	private String living;

	private String address = "";

	private String remittance = "";

	private String remittanceMethod;

	private Set<Occupation> occupations = EnumSet.noneOf(Occupation.class);

	private String occupationNote = "";

	private String schoolName = "";

	private String schoolGrade = "";

	private String incomeSalary = "";

	private String incomePension = "";

	private String incomeBusiness = "";

	private String incomeUnemployment = "";

	private String incomeOther = "";

	private String residence;

	private String abroadException;

	private String abroadNote = "";

	private String disabled;

	static AnswerForm of(DependentAnswers a) {
		AnswerForm f = new AnswerForm();
		f.version = a.version();
		f.continuation = name(a.continuation());
		if (a.removalDate() != null) {
			f.removalYear = String.valueOf(a.removalDate().getYear());
			f.removalMonth = String.valueOf(a.removalDate().getMonthValue());
			f.removalDay = String.valueOf(a.removalDate().getDayOfMonth());
		}
		f.removalReason = name(a.removalReason());
		f.removalNote = text(a.removalNote());
		f.rosterWrong = a.rosterWrong();
		f.rosterCorrection = text(a.rosterCorrection());
		f.living = name(a.living());
		f.address = text(a.address());
		f.remittance = yen(a.remittanceMonthly());
		f.remittanceMethod = name(a.remittanceMethod());
		f.occupations = a.occupations().isEmpty() ? EnumSet.noneOf(Occupation.class) : EnumSet.copyOf(a.occupations());
		f.occupationNote = text(a.occupationNote());
		f.schoolName = text(a.schoolName());
		f.schoolGrade = text(a.schoolGrade());
		f.incomeSalary = yen(a.incomeSalary());
		f.incomePension = yen(a.incomePension());
		f.incomeBusiness = yen(a.incomeBusiness());
		f.incomeUnemployment = yen(a.incomeUnemployment());
		f.incomeOther = yen(a.incomeOther());
		f.residence = name(a.residence());
		f.abroadException = name(a.abroadException());
		f.abroadNote = text(a.abroadNote());
		f.disabled = a.disabled() == null ? null : a.disabled() ? "yes" : "no";
		return f;
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

	private static String yen(Long v) {
		return v == null ? "" : String.format("%,d", v);
	}

	public int getVersion() { return version; }
	public void setVersion(int version) { this.version = version; }
	public String getContinuation() { return continuation; }
	public void setContinuation(String continuation) { this.continuation = continuation; }
	public String getRemovalYear() { return removalYear; }
	public void setRemovalYear(String removalYear) { this.removalYear = removalYear; }
	public String getRemovalMonth() { return removalMonth; }
	public void setRemovalMonth(String removalMonth) { this.removalMonth = removalMonth; }
	public String getRemovalDay() { return removalDay; }
	public void setRemovalDay(String removalDay) { this.removalDay = removalDay; }
	public String getRemovalReason() { return removalReason; }
	public void setRemovalReason(String removalReason) { this.removalReason = removalReason; }
	public String getRemovalNote() { return removalNote; }
	public void setRemovalNote(String removalNote) { this.removalNote = removalNote; }
	public boolean isRosterWrong() { return rosterWrong; }
	public void setRosterWrong(boolean rosterWrong) { this.rosterWrong = rosterWrong; }
	public String getRosterCorrection() { return rosterCorrection; }
	public void setRosterCorrection(String rosterCorrection) { this.rosterCorrection = rosterCorrection; }
	public String getLiving() { return living; }
	public void setLiving(String living) { this.living = living; }
	public String getAddress() { return address; }
	public void setAddress(String address) { this.address = address; }
	public String getRemittance() { return remittance; }
	public void setRemittance(String remittance) { this.remittance = remittance; }
	public String getRemittanceMethod() { return remittanceMethod; }
	public void setRemittanceMethod(String remittanceMethod) { this.remittanceMethod = remittanceMethod; }
	public Set<Occupation> getOccupations() { return occupations; }
	public void setOccupations(Set<Occupation> occupations) { this.occupations = occupations; }
	public String getOccupationNote() { return occupationNote; }
	public void setOccupationNote(String occupationNote) { this.occupationNote = occupationNote; }
	public String getSchoolName() { return schoolName; }
	public void setSchoolName(String schoolName) { this.schoolName = schoolName; }
	public String getSchoolGrade() { return schoolGrade; }
	public void setSchoolGrade(String schoolGrade) { this.schoolGrade = schoolGrade; }
	public String getIncomeSalary() { return incomeSalary; }
	public void setIncomeSalary(String incomeSalary) { this.incomeSalary = incomeSalary; }
	public String getIncomePension() { return incomePension; }
	public void setIncomePension(String incomePension) { this.incomePension = incomePension; }
	public String getIncomeBusiness() { return incomeBusiness; }
	public void setIncomeBusiness(String incomeBusiness) { this.incomeBusiness = incomeBusiness; }
	public String getIncomeUnemployment() { return incomeUnemployment; }
	public void setIncomeUnemployment(String incomeUnemployment) { this.incomeUnemployment = incomeUnemployment; }
	public String getIncomeOther() { return incomeOther; }
	public void setIncomeOther(String incomeOther) { this.incomeOther = incomeOther; }
	public String getResidence() { return residence; }
	public void setResidence(String residence) { this.residence = residence; }
	public String getAbroadException() { return abroadException; }
	public void setAbroadException(String abroadException) { this.abroadException = abroadException; }
	public String getAbroadNote() { return abroadNote; }
	public void setAbroadNote(String abroadNote) { this.abroadNote = abroadNote; }
	public String getDisabled() { return disabled; }
	public void setDisabled(String disabled) { this.disabled = disabled; }

}
