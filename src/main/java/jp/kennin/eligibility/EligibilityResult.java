package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules found for one dependent. Tests that do not apply are
 * {@link Check#NOT_APPLICABLE}; for a dependent being removed (削除する, 手続き中) every test is,
 * and there are no warnings or documents.
 *
 * @param legalAge age on the reference date, counted the legal way (one year older on the
 * day before the birthday, 年齢計算ニ関スル法律)
 * @param ageOnDecember31 legal age on 31 December of the campaign year (decides the 19–22
 * band)
 * @param incomeLimit the annual income must be strictly below this
 * @param annualRemittance 12 × the monthly remittance, for someone living apart (else
 * null)
 * @param mustLiveTogether whether the relationship requires living in the same household
 * @param livingRequirement FAIL when such a relative lives apart
 * @param latterStageDate the 75th birthday, from which 後期高齢者医療 applies
 * @param latterStageElderly true if the dependent is 75 or older on the reference date
 * @param incomeBasis the rule {@code totalIncome} was judged by (the estimate, or the
 * labour contract)
 */
public record EligibilityResult(RuleParameters parameters, int legalAge, int ageOnDecember31, long incomeLimit,
		LimitReason limitReason, long totalIncome, Check incomeTest, Check togetherTest, Check apartTest,
		Long annualRemittance, boolean mustLiveTogether, Check livingRequirement, LocalDate latterStageDate,
		boolean latterStageElderly, Check domesticResidence, List<Warning> warnings, List<RequiredDocument> documents,
		IncomeBasis incomeBasis) {

	public EligibilityResult {
		warnings = List.copyOf(warnings);
		documents = List.copyOf(documents);
	}

	public List<String> warningCodes() {
		return warnings.stream().map(Warning::code).toList();
	}

	/**
	 * The income limit per month (e.g. 108,334 for 130万), as kenpo print it for salary
	 * checks.
	 */
	public long monthlyLimit() {
		return (incomeLimit + 11) / 12;
	}

	/** The daily limit for unemployment benefit (e.g. 3,612 for 130万). */
	public long dailyLimit() {
		return (incomeLimit + 359) / 360;
	}

}
