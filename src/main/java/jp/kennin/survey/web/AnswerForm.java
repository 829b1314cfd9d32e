package jp.kennin.survey.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jp.kennin.eligibility.Occupation;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.SurveyQuestion;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * One dependent's answers as typed: the form binding. Everything is a string so a bad
 * value comes back with its message instead of being lost; {@link StepParser} turns the
 * fields of one step into answers.
 *
 * <p>
 * A question shown by its description ({@link SurveyQuestion#listed()}, every new one)
 * needs nothing here: it is typed into {@link #getAnswers() answers} under its key (field
 * {@code answers[contractWage]}; a date under {@code <prefix>Year}, {@code Month},
 * {@code Day}) and drawn by {@code questions.html :: question}. The older questions,
 * whose pages are laid out by hand, keep a property each (a test checks both).
 */
public class AnswerForm {

	/** The answers of listed questions as typed, by key. */
	private final Map<String, String> answers = new LinkedHashMap<>();

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

	/**
	 * The stored answers as the form shows them, question by question from their
	 * descriptions.
	 */
	static AnswerForm of(DependentAnswers a) {
		AnswerForm f = new AnswerForm();
		f.version = a.version();
		BeanWrapper form = PropertyAccessorFactory.forBeanPropertyAccess(f);
		for (SurveyQuestion q : SurveyQuestion.values()) {
			Object value = a.value(q);
			String path = path(q);
			switch (q.kind()) {
				case CHOICE -> form.setPropertyValue(path, value == null ? null : ((Enum<?>) value).name());
				case CHOICES -> form.setPropertyValue(path, value);
				case YEN -> form.setPropertyValue(path, value == null ? "" : String.format("%,d", (Long) value));
				case DATE -> {
					LocalDate date = (LocalDate) value;
					form.setPropertyValue(path(q, "Year"), date == null ? "" : String.valueOf(date.getYear()));
					form.setPropertyValue(path(q, "Month"), date == null ? "" : String.valueOf(date.getMonthValue()));
					form.setPropertyValue(path(q, "Day"), date == null ? "" : String.valueOf(date.getDayOfMonth()));
				}
				case YES_NO -> form.setPropertyValue(path, value == null ? null : (Boolean) value ? "yes" : "no");
				case FLAG ->
					form.setPropertyValue(path, q.listed() ? (Boolean.TRUE.equals(value) ? "true" : null) : value);
				case HOURS -> form.setPropertyValue(path, value == null ? "" : ((BigDecimal) value).toPlainString());
				case TEXT, DAYS -> form.setPropertyValue(path, value == null ? "" : String.valueOf(value));
			}
		}
		return f;
	}

	/**
	 * The form field of a question: its key for the hand-laid questions, the entry of
	 * {@link #getAnswers() answers} for listed ones ({@code answers[contractWage]}).
	 */
	static String path(SurveyQuestion q) {
		return q.listed() ? "answers[" + q.key() + "]" : q.key();
	}

	/**
	 * One of a date question's three boxes ({@code Year}, {@code Month}, {@code Day}),
	 * named after the key without its "Date" suffix (removalDate: removalYear…).
	 */
	static String path(SurveyQuestion q, String part) {
		String name = dateBox(q, part);
		return q.listed() ? "answers[" + name + "]" : name;
	}

	/** The name of a date question's box: removalDate, Year → removalYear. */
	static String dateBox(SurveyQuestion q, String part) {
		return q.key().replaceFirst("Date$", "") + part;
	}

	public Map<String, String> getAnswers() {
		return answers;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getContinuation() {
		return continuation;
	}

	public void setContinuation(String continuation) {
		this.continuation = continuation;
	}

	public String getRemovalYear() {
		return removalYear;
	}

	public void setRemovalYear(String removalYear) {
		this.removalYear = removalYear;
	}

	public String getRemovalMonth() {
		return removalMonth;
	}

	public void setRemovalMonth(String removalMonth) {
		this.removalMonth = removalMonth;
	}

	public String getRemovalDay() {
		return removalDay;
	}

	public void setRemovalDay(String removalDay) {
		this.removalDay = removalDay;
	}

	public String getRemovalReason() {
		return removalReason;
	}

	public void setRemovalReason(String removalReason) {
		this.removalReason = removalReason;
	}

	public String getRemovalNote() {
		return removalNote;
	}

	public void setRemovalNote(String removalNote) {
		this.removalNote = removalNote;
	}

	public boolean isRosterWrong() {
		return rosterWrong;
	}

	public void setRosterWrong(boolean rosterWrong) {
		this.rosterWrong = rosterWrong;
	}

	public String getRosterCorrection() {
		return rosterCorrection;
	}

	public void setRosterCorrection(String rosterCorrection) {
		this.rosterCorrection = rosterCorrection;
	}

	public String getLiving() {
		return living;
	}

	public void setLiving(String living) {
		this.living = living;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getRemittance() {
		return remittance;
	}

	public void setRemittance(String remittance) {
		this.remittance = remittance;
	}

	public String getRemittanceMethod() {
		return remittanceMethod;
	}

	public void setRemittanceMethod(String remittanceMethod) {
		this.remittanceMethod = remittanceMethod;
	}

	public Set<Occupation> getOccupations() {
		return occupations;
	}

	public void setOccupations(Set<Occupation> occupations) {
		this.occupations = occupations;
	}

	public String getOccupationNote() {
		return occupationNote;
	}

	public void setOccupationNote(String occupationNote) {
		this.occupationNote = occupationNote;
	}

	public String getSchoolName() {
		return schoolName;
	}

	public void setSchoolName(String schoolName) {
		this.schoolName = schoolName;
	}

	public String getSchoolGrade() {
		return schoolGrade;
	}

	public void setSchoolGrade(String schoolGrade) {
		this.schoolGrade = schoolGrade;
	}

	public String getIncomeSalary() {
		return incomeSalary;
	}

	public void setIncomeSalary(String incomeSalary) {
		this.incomeSalary = incomeSalary;
	}

	public String getIncomePension() {
		return incomePension;
	}

	public void setIncomePension(String incomePension) {
		this.incomePension = incomePension;
	}

	public String getIncomeBusiness() {
		return incomeBusiness;
	}

	public void setIncomeBusiness(String incomeBusiness) {
		this.incomeBusiness = incomeBusiness;
	}

	public String getIncomeUnemployment() {
		return incomeUnemployment;
	}

	public void setIncomeUnemployment(String incomeUnemployment) {
		this.incomeUnemployment = incomeUnemployment;
	}

	public String getIncomeOther() {
		return incomeOther;
	}

	public void setIncomeOther(String incomeOther) {
		this.incomeOther = incomeOther;
	}

	public String getResidence() {
		return residence;
	}

	public void setResidence(String residence) {
		this.residence = residence;
	}

	public String getAbroadException() {
		return abroadException;
	}

	public void setAbroadException(String abroadException) {
		this.abroadException = abroadException;
	}

	public String getAbroadNote() {
		return abroadNote;
	}

	public void setAbroadNote(String abroadNote) {
		this.abroadNote = abroadNote;
	}

	public String getDisabled() {
		return disabled;
	}

	public void setDisabled(String disabled) {
		this.disabled = disabled;
	}

}
