package jp.kennin.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jp.kennin.roster.RelationshipCategory;

/**
 * The pre-check itself: plain Java, no state, no clock. Rules follow domain.md §2; every
 * amount and age comes from {@link RuleParameters}.
 */
public final class EligibilityRules {

	/** 同居: income must be under half of the insured person's income. */
	static final int TOGETHER_DIVISOR = 2;

	/** 別居: income must be under the remittance over a year. */
	static final int MONTHS = 12;

	public EligibilityResult evaluate(EligibilityInput in, RuleParameters p) {
		int legalAge = legalAge(in.birthDate(), in.referenceDate());
		int ageDec31 = legalAge(in.birthDate(), LocalDate.of(in.campaignYear(), 12, 31));
		LimitReason reason = limitReason(in, p, legalAge, ageDec31);
		long limit = switch (reason) {
			case STANDARD -> p.standardLimit();
			case AGE_19_TO_22 -> p.youngAdultLimit();
			case AGE_60_OR_OLDER, DISABILITY -> p.seniorLimit();
		};
		IncomeBasis basis = IncomeBasis.ESTIMATE;
		long total = in.totalIncome();
		if (labourContractApplies(in, p)) {
			total = in.labourContract().annualIncome(p.contractWeeksPerYear());
			basis = IncomeBasis.of(in.labourContract(), p.contractWeeksPerYear(), total);
		}
		LocalDate latterStageDate = in.birthDate().plusYears(p.latterStageAge());
		boolean latterStage = !in.referenceDate().isBefore(latterStageDate);
		boolean mustLiveTogether = mustLiveTogether(in.relationship(), in.relationshipWord());
		Long annualRemittance = in.living() == Living.APART && in.monthlyRemittance() != null
				? in.monthlyRemittance() * MONTHS : null;
		if (in.continuation() != Continuation.CONTINUE) {
			return new EligibilityResult(p, legalAge, ageDec31, limit, reason, total, Check.NOT_APPLICABLE,
					Check.NOT_APPLICABLE, Check.NOT_APPLICABLE, annualRemittance, mustLiveTogether,
					Check.NOT_APPLICABLE, latterStageDate, latterStage, Check.NOT_APPLICABLE, List.of(), List.of(),
					basis);
		}
		List<Warning> warnings = new ArrayList<>();
		Check incomeTest = total < limit ? Check.PASS : Check.FAIL;
		if (incomeTest == Check.FAIL) {
			warnings.add(warning("INCOME_OVER_LIMIT", limit));
		}
		Check together = togetherTest(in, total, warnings);
		Check apart = apartTest(in, total, annualRemittance, warnings);
		Check living = livingRequirement(in, mustLiveTogether, warnings);
		latterStageWarnings(in, p, latterStage, latterStageDate, warnings);
		Check residence = residence(in, warnings);
		if (in.has(Occupation.EMPLOYEE)) {
			warnings.add(warning("EMPLOYEE_OWN_INSURANCE"));
		}
		if (in.has(Occupation.UNEMPLOYMENT_BENEFIT) || in.income(IncomeKind.UNEMPLOYMENT_BENEFIT) > 0) {
			warnings.add(warning("UNEMPLOYMENT_BENEFIT_DAILY", (limit + 359) / 360));
		}
		return new EligibilityResult(p, legalAge, ageDec31, limit, reason, total, incomeTest, together, apart,
				annualRemittance, mustLiveTogether, living, latterStageDate, latterStage, residence, warnings,
				documents(in, mustLiveTogether, basis), basis);
	}

	/**
	 * 保保発1001第3号: from its date (a tenant may move or switch it off), a dependent whose
	 * only income is salary is judged by the contracted wage, hours and days, not by what
	 * was earned (overtime left out).
	 */
	private static boolean labourContractApplies(EligibilityInput in, RuleParameters p) {
		return p.labourContractRuleOn(in.referenceDate()) && in.labourContract() != null
				&& in.totalIncome() == in.income(IncomeKind.SALARY);
	}

	/**
	 * Age the legal way: a person becomes one year older at the end of the day before the
	 * birthday, so someone born on 1 January is already 19 on the 31 December before
	 * their 19th birthday.
	 */
	public static int legalAge(LocalDate birthDate, LocalDate on) {
		return Math.max(0, Period.between(birthDate, on.plusDays(1)).getYears());
	}

	/**
	 * Relatives outside the spouse/child/grandchild/sibling/ascendant group must share
	 * the household.
	 */
	public static boolean mustLiveTogether(RelationshipCategory category, String word) {
		if (word != null && word.strip().startsWith("義")) {
			return true; // 義父・義母・義兄…: the spouse's relatives or relatives' spouses
							// (3親等内の姻族)
		}
		return category == RelationshipCategory.OTHER;
	}

	private static LimitReason limitReason(EligibilityInput in, RuleParameters p, int legalAge, int ageDec31) {
		if (legalAge >= p.seniorAge()) {
			return LimitReason.AGE_60_OR_OLDER;
		}
		if (in.disabled()) {
			return LimitReason.DISABILITY;
		}
		boolean spouse = in.relationship() == RelationshipCategory.SPOUSE;
		if (p.youngAdultLimit() != null && !spouse && ageDec31 >= p.youngAdultMinAge()
				&& ageDec31 <= p.youngAdultMaxAge()) {
			return LimitReason.AGE_19_TO_22;
		}
		return LimitReason.STANDARD;
	}

	private static Check togetherTest(EligibilityInput in, long total, List<Warning> warnings) {
		if (in.living() != Living.TOGETHER) {
			return in.living() == null ? Check.UNKNOWN : Check.NOT_APPLICABLE;
		}
		Long insured = in.insuredAnnualIncome();
		if (insured == null || insured <= 0) {
			return Check.UNKNOWN;
		}
		if (total * TOGETHER_DIVISOR < insured) {
			return Check.PASS;
		}
		warnings.add(warning(total < insured ? "TOGETHER_HALF_INCOME" : "TOGETHER_NOT_UNDER_INSURED"));
		return Check.FAIL;
	}

	private static Check apartTest(EligibilityInput in, long total, Long annualRemittance, List<Warning> warnings) {
		if (in.living() != Living.APART) {
			return in.living() == null ? Check.UNKNOWN : Check.NOT_APPLICABLE;
		}
		if (in.remittanceMethod() == RemittanceMethod.CASH) {
			warnings.add(warning("REMITTANCE_CASH"));
		}
		if (annualRemittance == null || annualRemittance <= 0) {
			warnings.add(warning("APART_NO_REMITTANCE"));
			return Check.FAIL;
		}
		if (total < annualRemittance) {
			return Check.PASS;
		}
		warnings.add(warning("APART_REMITTANCE", annualRemittance));
		return Check.FAIL;
	}

	private static Check livingRequirement(EligibilityInput in, boolean mustLiveTogether, List<Warning> warnings) {
		if (!mustLiveTogether) {
			return Check.NOT_APPLICABLE;
		}
		if (in.living() == null) {
			return Check.UNKNOWN;
		}
		if (in.living() == Living.APART) {
			warnings.add(warning("MUST_LIVE_TOGETHER"));
			return Check.FAIL;
		}
		return Check.PASS;
	}

	private static void latterStageWarnings(EligibilityInput in, RuleParameters p, boolean latterStage,
			LocalDate latterStageDate, List<Warning> warnings) {
		if (latterStage) {
			warnings.add(warning("LATTER_STAGE_ELDERLY", p.latterStageAge()));
		}
		else if (latterStageDate.isBefore(in.referenceDate().plusYears(1))) {
			warnings.add(warning("LATTER_STAGE_SOON", latterStageDate, p.latterStageAge()));
		}
		if (in.insuredBirthDate() != null
				&& !in.referenceDate().isBefore(in.insuredBirthDate().plusYears(p.latterStageAge()))) {
			warnings.add(warning("INSURED_LATTER_STAGE", p.latterStageAge()));
		}
	}

	private static Check residence(EligibilityInput in, List<Warning> warnings) {
		if (in.livesInJapan()) {
			return Check.PASS;
		}
		if (in.abroadException() == null) {
			warnings.add(warning("ABROAD_NO_EXCEPTION"));
			return Check.FAIL;
		}
		if (in.abroadException() == AbroadException.OTHER) {
			warnings.add(warning("ABROAD_OTHER"));
			return Check.UNKNOWN;
		}
		return Check.PASS;
	}

	private static List<RequiredDocument> documents(EligibilityInput in, boolean mustLiveTogether, IncomeBasis basis) {
		Set<RequiredDocument> docs = new LinkedHashSet<>();
		docs.add(RequiredDocument.INCOME_CERTIFICATE);
		if (basis.labourContract()) {
			docs.add(RequiredDocument.LABOUR_CONTRACT); // instead of payslips
														// (保保発1001第3号)
		}
		else if (in.income(IncomeKind.SALARY) > 0 || in.has(Occupation.PART_TIME) || in.has(Occupation.EMPLOYEE)) {
			docs.add(RequiredDocument.SALARY_PROOF);
		}
		if (in.has(Occupation.STUDENT)) {
			docs.add(RequiredDocument.STUDENT_CERTIFICATE);
		}
		if (in.income(IncomeKind.PENSION) > 0 || in.has(Occupation.PENSIONER)) {
			docs.add(RequiredDocument.PENSION_NOTICE);
		}
		if (in.income(IncomeKind.BUSINESS) > 0 || in.has(Occupation.SELF_EMPLOYED)) {
			docs.add(RequiredDocument.TAX_RETURN);
		}
		if (in.income(IncomeKind.UNEMPLOYMENT_BENEFIT) > 0 || in.has(Occupation.UNEMPLOYMENT_BENEFIT)) {
			docs.add(RequiredDocument.UNEMPLOYMENT_BENEFIT_CERTIFICATE);
		}
		if (in.living() == Living.APART) {
			docs.add(RequiredDocument.REMITTANCE_PROOF);
		}
		if (mustLiveTogether) {
			docs.add(RequiredDocument.RESIDENCE_CERTIFICATE);
		}
		if (in.disabled()) {
			docs.add(RequiredDocument.DISABILITY_PROOF);
		}
		if (!in.livesInJapan() && in.abroadException() != null) {
			docs.add(switch (in.abroadException()) {
				case STUDY -> RequiredDocument.ABROAD_STUDY;
				case ACCOMPANYING_POSTING -> RequiredDocument.ABROAD_ACCOMPANYING;
				case TEMPORARY_TRIP -> RequiredDocument.ABROAD_TEMPORARY;
				case RELATION_ABROAD -> RequiredDocument.ABROAD_RELATION;
				case OTHER -> RequiredDocument.ABROAD_OTHER;
			});
		}
		return List.copyOf(docs);
	}

	private static Warning warning(String code, Object... args) {
		return new Warning(code, List.of(args));
	}

}
