package jp.kennin.survey.internal;

import java.time.LocalDate;

import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.Eligibility;
import jp.kennin.eligibility.EligibilityInput;
import jp.kennin.eligibility.EligibilityResult;
import jp.kennin.eligibility.IncomeKind;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;

import org.springframework.stereotype.Component;

/**
 * Runs the eligibility pre-check on one dependent's answers, with the roster facts the
 * member cannot change. The result only informs: warnings never block a submission.
 */
@Component
public class EligibilityCheck {

	private final Eligibility eligibility;

	private final Roster roster;

	EligibilityCheck(Eligibility eligibility, Roster roster) {
		this.eligibility = eligibility;
		this.roster = roster;
	}

	/**
	 * Null when the dependent leaves the insurance: then there is nothing to pre-check.
	 */
	public EligibilityResult evaluate(MemberForm form, FormDependent dependent) {
		DependentAnswers a = form.answers(dependent.id());
		if (!a.staying() || a.continuation() == null) {
			return null;
		}
		LocalDate reference = JapanTime.of(form.campaign().opensAt()).toLocalDate();
		EligibilityInput.Builder input = EligibilityInput.builder()
			.continuation(Continuation.CONTINUE)
			.relationship(dependent.relationshipCategory(), dependent.relationship())
			.birthDate(dependent.birthDate())
			.referenceDate(reference)
			.campaignYear(reference.getYear());
		roster.findById(form.form().tenantId(), form.form().insuredPersonId())
			.ifPresent(insured -> input.insuredBirthDate(insured.birthDate()));
		if (form.form().insuredIncome() != null) {
			input.insuredAnnualIncome(form.form().insuredIncome());
		}
		if (a.living() == Living.TOGETHER) {
			input.livingTogether();
		}
		else if (a.living() == Living.APART) {
			input.livingApart(a.remittanceMonthly(), a.remittanceMethod());
		}
		for (Occupation o : a.occupations()) {
			if (o == Occupation.STUDENT) {
				input.student(a.schoolName(), a.schoolGrade());
			}
			else {
				input.occupation(o);
			}
		}
		if (a.incomeSalary() != null) {
			input.income(IncomeKind.SALARY, a.incomeSalary())
				.income(IncomeKind.PENSION, a.incomePension())
				.income(IncomeKind.BUSINESS, a.incomeBusiness())
				.income(IncomeKind.UNEMPLOYMENT_BENEFIT, a.incomeUnemployment())
				.income(IncomeKind.OTHER, a.incomeOther());
		}
		if (a.labourContract() != null) {
			input.labourContract(a.labourContract());
		}
		if (a.residence() == DependentAnswers.Residence.ABROAD) {
			input.abroad(a.abroadException());
		}
		if (a.disabled() != null) {
			input.disabled(a.disabled());
		}
		return eligibility.evaluate(form.form().tenantId(), input.build());
	}

}
