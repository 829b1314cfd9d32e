package jp.kennin.eligibility;

import java.util.List;
import java.util.Locale;

/**
 * Which rule the pre-check judged the annual income by, in words the member and staff
 * read next to the result: the member's own estimate of the next 12 months, or the
 * 労働条件通知書 (保保発1001第3号).
 *
 * @param code {@code ESTIMATE}, {@code LABOUR_CONTRACT_HOURLY} or
 * {@code LABOUR_CONTRACT_MONTHLY}; message key {@code eligibility.basis.<code>}
 * @param args pre-formatted message arguments (amounts as yen numbers with commas)
 */
public record IncomeBasis(String code, List<String> args) {

	public static final IncomeBasis ESTIMATE = new IncomeBasis("ESTIMATE", List.of());

	public IncomeBasis {
		args = List.copyOf(args);
	}

	/** Whether the labour-contract rule was applied. */
	public boolean labourContract() {
		return code.startsWith("LABOUR_CONTRACT");
	}

	public String message(Locale locale) {
		return EligibilityTexts.text("eligibility.basis." + code, locale, args);
	}

	static IncomeBasis of(LabourContract c, int weeksPerYear, long annual) {
		String yen = "%,d".formatted(annual);
		String allowances = "%,d".formatted(c.monthlyAllowances());
		if (c.kind() == LabourContract.Kind.MONTHLY) {
			return new IncomeBasis("LABOUR_CONTRACT_MONTHLY", List.of("%,d".formatted(c.wage()), allowances, yen));
		}
		return new IncomeBasis("LABOUR_CONTRACT_HOURLY",
				List.of("%,d".formatted(c.wage()), c.hoursPerDay().stripTrailingZeros().toPlainString(),
						String.valueOf(c.daysPerWeek()), String.valueOf(weeksPerYear), allowances, yen));
	}

}
