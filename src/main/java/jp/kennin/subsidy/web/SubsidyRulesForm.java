package jp.kennin.subsidy.web;

import java.time.LocalDate;
import java.util.Map;

import jp.kennin.platform.NoControlCharacters;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import org.springframework.validation.BindingResult;

/**
 * A fiscal year's subsidy rules as typed: dates as 2026-10-01, 2026/10/01 or 2026年10月1日,
 * amounts with or without 円 and commas, full-width digits accepted. A wrong value gets a
 * message next to its field and everything typed is kept.
 */
public class SubsidyRulesForm {

	private String shotFrom = "";

	private String shotTo = "";

	private String claimFrom = "";

	private String claimTo = "";

	private boolean insuredCovered;

	private boolean dependentsCovered;

	private String ageBelow = "";

	private String dependentGradeMax = "";

	private String capMode = CapMode.PER_PERSON.name();

	private String capYen = "";

	private String twoDosesBelowAge = "";

	private boolean aidDeducted;

	private String exclusions = "";

	private String paymentRoute = PaymentRoute.PAYROLL.name();

	private String cutoff = Cutoff.MONTHLY.name();

	private String cutoffDay = "";

	static SubsidyRulesForm of(SubsidyRules r) {
		SubsidyRulesForm f = new SubsidyRulesForm();
		f.shotFrom = r.shotFrom().toString();
		f.shotTo = r.shotTo().toString();
		f.claimFrom = r.claimFrom().toString();
		f.claimTo = r.claimTo().toString();
		f.insuredCovered = r.insuredCovered();
		f.dependentsCovered = r.dependentsCovered();
		f.ageBelow = r.ageBelow() == null ? "" : r.ageBelow().toString();
		f.dependentGradeMax = r.dependentGradeMax() == null ? "" : r.dependentGradeMax().toString();
		f.capMode = r.capMode().name();
		f.capYen = String.valueOf(r.capYen());
		f.twoDosesBelowAge = r.twoDosesBelowAge() == null ? "" : r.twoDosesBelowAge().toString();
		f.aidDeducted = r.aidDeducted();
		f.exclusions = r.exclusions() == null ? "" : r.exclusions();
		f.paymentRoute = r.paymentRoute().name();
		f.cutoff = r.cutoff().name();
		f.cutoffDay = String.valueOf(r.cutoffDay());
		return f;
	}

	/**
	 * Checks each field, then how they go together; null when something is wrong (the
	 * messages are in {@code result}).
	 */
	SubsidyRules validate(int fiscalYear, BindingResult result) {
		LocalDate sf = date("shotFrom", shotFrom, result);
		LocalDate st = date("shotTo", shotTo, result);
		LocalDate cf = date("claimFrom", claimFrom, result);
		LocalDate ct = date("claimTo", claimTo, result);
		Integer age = optionalNumber("ageBelow", ageBelow, "subsidy.rules.error.age", result);
		Integer grade = optionalNumber("dependentGradeMax", dependentGradeMax, "subsidy.rules.error.grade", result);
		Integer cap = number(capYen);
		if (cap == null) {
			result.rejectValue("capYen", "subsidy.rules.error.cap", new Object[] { SubsidyRules.MAX_CAP_YEN }, null);
		}
		Integer twoDoses = optionalNumber("twoDosesBelowAge", twoDosesBelowAge, "subsidy.rules.error.age", result);
		Integer day = number(cutoffDay);
		CapMode mode = CapMode.PER_DOSE.name().equals(capMode) ? CapMode.PER_DOSE : CapMode.PER_PERSON;
		PaymentRoute route = PaymentRoute.BANK_TRANSFER.name().equals(paymentRoute) ? PaymentRoute.BANK_TRANSFER
				: PaymentRoute.PAYROLL;
		Cutoff every = Cutoff.WEEKLY.name().equals(cutoff) ? Cutoff.WEEKLY : Cutoff.MONTHLY;
		String dayProblem = day == null ? SubsidyRules.cutoffDayProblem(every, 0)
				: SubsidyRules.cutoffDayProblem(every, day);
		if (dayProblem != null) {
			result.rejectValue("cutoffDay", dayProblem);
		}
		String text = exclusions == null ? "" : exclusions.strip();
		if (NoControlCharacters.Check.found(text, true)) {
			result.rejectValue("exclusions", "subsidy.rules.error.character");
		}
		if (result.hasErrors()) {
			return null;
		}
		SubsidyRules rules = new SubsidyRules(fiscalYear, sf, st, cf, ct, insuredCovered, dependentsCovered, age, grade,
				mode, cap, twoDoses, aidDeducted, text, route, every, day);
		Map<String, String> problems = rules.problems();
		problems.forEach((field, key) -> result.rejectValue(field, key,
				new Object[] { SubsidyRules.MAX_CAP_YEN, SubsidyRules.EXCLUSIONS_MAX, fiscalYear, fiscalYear + 1 },
				null));
		return problems.isEmpty() ? rules : null;
	}

	private static LocalDate date(String field, String value, BindingResult result) {
		LocalDate date = TypedValues.date(value);
		if (date == null) {
			result.rejectValue(field, "subsidy.rules.error.date");
		}
		return date;
	}

	private static Integer optionalNumber(String field, String value, String key, BindingResult result) {
		if (normalized(value).isEmpty()) {
			return null;
		}
		Integer n = number(value);
		if (n == null) {
			result.rejectValue(field, key);
		}
		return n;
	}

	/** A whole number of at most six digits (commas, 円, 歳 and 日 allowed), or null. */
	private static Integer number(String value) {
		String s = normalized(value).replace(",", "").replaceAll("[円歳日]$", "");
		return s.matches("[0-9]{1,6}") ? Integer.parseInt(s) : null;
	}

	private static String normalized(String value) {
		return TypedValues.normalized(value);
	}

	public String getShotFrom() {
		return shotFrom;
	}

	public void setShotFrom(String shotFrom) {
		this.shotFrom = shotFrom;
	}

	public String getShotTo() {
		return shotTo;
	}

	public void setShotTo(String shotTo) {
		this.shotTo = shotTo;
	}

	public String getClaimFrom() {
		return claimFrom;
	}

	public void setClaimFrom(String claimFrom) {
		this.claimFrom = claimFrom;
	}

	public String getClaimTo() {
		return claimTo;
	}

	public void setClaimTo(String claimTo) {
		this.claimTo = claimTo;
	}

	public boolean isInsuredCovered() {
		return insuredCovered;
	}

	public void setInsuredCovered(boolean insuredCovered) {
		this.insuredCovered = insuredCovered;
	}

	public boolean isDependentsCovered() {
		return dependentsCovered;
	}

	public void setDependentsCovered(boolean dependentsCovered) {
		this.dependentsCovered = dependentsCovered;
	}

	public String getAgeBelow() {
		return ageBelow;
	}

	public void setAgeBelow(String ageBelow) {
		this.ageBelow = ageBelow;
	}

	public String getDependentGradeMax() {
		return dependentGradeMax;
	}

	public void setDependentGradeMax(String dependentGradeMax) {
		this.dependentGradeMax = dependentGradeMax;
	}

	public String getCapMode() {
		return capMode;
	}

	public void setCapMode(String capMode) {
		this.capMode = capMode;
	}

	public String getCapYen() {
		return capYen;
	}

	public void setCapYen(String capYen) {
		this.capYen = capYen;
	}

	public String getTwoDosesBelowAge() {
		return twoDosesBelowAge;
	}

	public void setTwoDosesBelowAge(String twoDosesBelowAge) {
		this.twoDosesBelowAge = twoDosesBelowAge;
	}

	public boolean isAidDeducted() {
		return aidDeducted;
	}

	public void setAidDeducted(boolean aidDeducted) {
		this.aidDeducted = aidDeducted;
	}

	public String getExclusions() {
		return exclusions;
	}

	public void setExclusions(String exclusions) {
		this.exclusions = exclusions;
	}

	public String getPaymentRoute() {
		return paymentRoute;
	}

	public void setPaymentRoute(String paymentRoute) {
		this.paymentRoute = paymentRoute;
	}

	public String getCutoff() {
		return cutoff;
	}

	public void setCutoff(String cutoff) {
		this.cutoff = cutoff;
	}

	public String getCutoffDay() {
		return cutoffDay;
	}

	public void setCutoffDay(String cutoffDay) {
		this.cutoffDay = cutoffDay;
	}

}
