package jp.kennin.survey;

import java.time.LocalDate;
import java.util.Set;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;

/**
 * The member's answers for one dependent; null where not answered yet. {@code version} increases with
 * every save and detects a save made meanwhile in another tab or on another device.
 */
public record DependentAnswers(long dependentId, Continuation continuation, LocalDate removalDate,
		RemovalReason removalReason, String removalNote, Living living, String address, Long remittanceMonthly,
		RemittanceMethod remittanceMethod, Set<Occupation> occupations, String occupationNote, String schoolName,
		String schoolGrade, Long incomeSalary, Long incomePension, Long incomeBusiness, Long incomeUnemployment,
		Long incomeOther, Residence residence, AbroadException abroadException, String abroadNote, Boolean disabled,
		boolean rosterWrong, String rosterCorrection, boolean completed, int version) {

	public DependentAnswers {
		occupations = occupations == null ? Set.of() : Set.copyOf(occupations);
	}

	public static DependentAnswers empty(long dependentId) {
		return new DependentAnswers(dependentId, null, null, null, null, null, null, null, null, Set.of(), null, null,
				null, null, null, null, null, null, null, null, null, null, false, null, false, 0);
	}

	/** Only the first question matters when the dependent leaves (or is already leaving) the insurance. */
	public boolean staying() {
		return continuation == null || continuation == Continuation.CONTINUE;
	}

	public long totalIncome() {
		return nz(incomeSalary) + nz(incomePension) + nz(incomeBusiness) + nz(incomeUnemployment) + nz(incomeOther);
	}

	/** Whether every question that applies has an answer. */
	public boolean answeredFully() {
		if (continuation == null) {
			return false;
		}
		if (continuation == Continuation.REMOVE) {
			return removalDate != null && removalReason != null;
		}
		if (continuation == Continuation.IN_PROGRESS) {
			return true;
		}
		return living != null && (living == Living.TOGETHER || (remittanceMonthly != null && remittanceMethod != null))
				&& !occupations.isEmpty() && residence != null
				&& (residence == Residence.DOMESTIC || abroadException != null) && disabled != null
				&& incomeSalary != null;
	}

	public DependentAnswers withContinuation(Continuation value, LocalDate date, RemovalReason reason, String note, boolean wrong, String correction) {
		return new DependentAnswers(dependentId, value, date, reason, note, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, disabled, wrong, correction, completed, version);
	}

	public DependentAnswers withLiving(Living value, String newAddress, Long remittance, RemittanceMethod method) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, value, newAddress, remittance, method, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, disabled, rosterWrong, rosterCorrection, completed, version);
	}

	public DependentAnswers withOccupation(Set<Occupation> values, String note, String school, String grade) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, values, note, school, grade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, disabled, rosterWrong, rosterCorrection, completed, version);
	}

	public DependentAnswers withIncome(long salary, long pension, long business, long unemployment, long other) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, salary, pension, business, unemployment, other, residence, abroadException, abroadNote, disabled, rosterWrong, rosterCorrection, completed, version);
	}

	public DependentAnswers withResidence(Residence value, AbroadException exception, String note) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, value, exception, note, disabled, rosterWrong, rosterCorrection, completed, version);
	}

	public DependentAnswers withDisabled(boolean value) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, value, rosterWrong, rosterCorrection, completed, version);
	}

	public DependentAnswers withCompleted(boolean value) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, disabled, rosterWrong, rosterCorrection, value, version);
	}

	/** The same answers as read at another version (the one the member's page was rendered from). */
	public DependentAnswers withVersion(int value) {
		return new DependentAnswers(dependentId, continuation, removalDate, removalReason, removalNote, living, address, remittanceMonthly, remittanceMethod, occupations, occupationNote, schoolName, schoolGrade, incomeSalary, incomePension, incomeBusiness, incomeUnemployment, incomeOther, residence, abroadException, abroadNote, disabled, rosterWrong, rosterCorrection, completed, value);
	}

	private static long nz(Long v) {
		return v == null ? 0 : v;
	}

	/** 削除の理由. */
	public enum RemovalReason {

		EMPLOYED, INCOME_INCREASE, MARRIED, MOVED_OUT, DIED, AGE_75, OTHER_INSURANCE, OTHER

	}

	/** 国内居住 or 海外居住. */
	public enum Residence {

		DOMESTIC, ABROAD

	}

}
