package jp.kennin.subsidy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One insurer's influenza subsidy rules for one fiscal year (April to March, named by the
 * year it starts in). Rules vary a lot between kenpo (caps of ¥1,000–¥4,000, only
 * dependents, only under 65, two doses for children, weekly or monthly batches), so
 * everything a kenpo decides is a field here.
 *
 * @param fiscalYear the fiscal year, e.g. 2026 for 2026-04-01 to 2027-03-31
 * @param shotFrom first day a shot counts (Japan date)
 * @param shotTo last day a shot counts
 * @param claimFrom first day a claim is taken
 * @param claimTo last day a claim is taken
 * @param insuredCovered whether insured persons (本人, 任意継続 included) may claim
 * @param dependentsCovered whether dependents may claim
 * @param ageBelow only people younger than this on the shot date (e.g. 65: 65 and over
 * get the municipal routine vaccination), or null for any age
 * @param dependentGradeMax only dependents up to this grade of elementary school (1–6) on
 * the shot date, preschool children included (e.g. 6: up to 小学6年), or null
 * @param capMode whether the cap is per person per year or per dose
 * @param capYen the cap in yen (per person per year, or per dose)
 * @param twoDosesBelowAge people younger than this on the shot date may claim two doses
 * (e.g. 13), or null for one dose for everybody
 * @param aidDeducted whether aid received (municipal, company) is subtracted from the
 * amount paid before the cap
 * @param exclusions what is not covered, shown to members as written (e.g.
 * 会社の集団接種、海外での接種)
 * @param paymentRoute how approved claims are paid
 * @param cutoff how often approved claims form a payment batch
 * @param cutoffDay for {@link Cutoff#WEEKLY} the day of the week (1 Monday … 7 Sunday),
 * for {@link Cutoff#MONTHLY} the day of the month (1–28)
 */
public record SubsidyRules(int fiscalYear, LocalDate shotFrom, LocalDate shotTo, LocalDate claimFrom, LocalDate claimTo,
		boolean insuredCovered, boolean dependentsCovered, Integer ageBelow, Integer dependentGradeMax, CapMode capMode,
		int capYen, Integer twoDosesBelowAge, boolean aidDeducted, String exclusions, PaymentRoute paymentRoute,
		Cutoff cutoff, int cutoffDay) {

	/** The highest cap accepted, per person or dose. */
	public static final int MAX_CAP_YEN = 100_000;

	/** Longest text of exclusions. */
	public static final int EXCLUSIONS_MAX = 500;

	public enum CapMode {

		/** One amount per person and fiscal year, doses combined. */
		PER_PERSON,
		/** One amount per dose. */
		PER_DOSE

	}

	public enum PaymentRoute {

		/** With the salary, through the employer (事業所): a list per office. */
		PAYROLL,
		/** By bank transfer (全銀協 format). */
		BANK_TRANSFER

	}

	public enum Cutoff {

		WEEKLY, MONTHLY

	}

	/**
	 * A year's suggested rules before the insurer saves its own: shots October to
	 * January, claims October to the end of February, everybody, ¥2,000 per person with
	 * two doses under 13, aid deducted, paid through payroll, a monthly batch on the
	 * 20th.
	 */
	public static SubsidyRules suggested(int fiscalYear) {
		return new SubsidyRules(fiscalYear, LocalDate.of(fiscalYear, 10, 1), LocalDate.of(fiscalYear + 1, 1, 31),
				LocalDate.of(fiscalYear, 10, 1), LocalDate.of(fiscalYear + 1, 2, 28), true, true, null, null,
				CapMode.PER_PERSON, 2000, 13, true, "", PaymentRoute.PAYROLL, Cutoff.MONTHLY, 20);
	}

	/**
	 * Why a cut-off day does not fit its cut-off (a weekday 1–7, a day of the month
	 * 1–28), as a message key, or null.
	 */
	public static String cutoffDayProblem(Cutoff cutoff, int day) {
		if (cutoff == Cutoff.WEEKLY) {
			return day < 1 || day > 7 ? "subsidy.rules.error.weekday" : null;
		}
		return day < 1 || day > 28 ? "subsidy.rules.error.monthDay" : null;
	}

	/** The fiscal year (April to March) a Japan date falls in. */
	public static int fiscalYearOf(LocalDate date) {
		return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
	}

	/**
	 * What is wrong with these rules, by field name, as message keys of the subsidy
	 * bundle; empty when they can be saved. The form checks the format of each field;
	 * this checks how the fields go together.
	 */
	public Map<String, String> problems() {
		Map<String, String> out = new LinkedHashMap<>();
		LocalDate first = LocalDate.of(fiscalYear, 4, 1);
		LocalDate last = LocalDate.of(fiscalYear + 1, 3, 31);
		if (shotFrom.isBefore(first) || shotFrom.isAfter(last)) {
			out.put("shotFrom", "subsidy.rules.error.inFiscalYear");
		}
		if (shotTo.isBefore(shotFrom)) {
			out.put("shotTo", "subsidy.rules.error.endBeforeStart");
		}
		if (claimTo.isBefore(claimFrom)) {
			out.put("claimTo", "subsidy.rules.error.endBeforeStart");
		}
		else if (claimTo.isBefore(shotFrom)) {
			out.put("claimTo", "subsidy.rules.error.claimBeforeShots");
		}
		if (!insuredCovered && !dependentsCovered) {
			out.put("dependentsCovered", "subsidy.rules.error.nobodyCovered");
		}
		if (capYen < 1 || capYen > MAX_CAP_YEN) {
			out.put("capYen", "subsidy.rules.error.cap");
		}
		if (ageBelow != null && (ageBelow < 1 || ageBelow > 120)) {
			out.put("ageBelow", "subsidy.rules.error.age");
		}
		if (twoDosesBelowAge != null && (twoDosesBelowAge < 1 || twoDosesBelowAge > 120)) {
			out.put("twoDosesBelowAge", "subsidy.rules.error.age");
		}
		if (dependentGradeMax != null && (dependentGradeMax < 1 || dependentGradeMax > 6)) {
			out.put("dependentGradeMax", "subsidy.rules.error.grade");
		}
		if (cutoff == Cutoff.WEEKLY ? cutoffDay < 1 || cutoffDay > 7 : cutoffDay < 1 || cutoffDay > 28) {
			out.put("cutoffDay",
					cutoff == Cutoff.WEEKLY ? "subsidy.rules.error.weekday" : "subsidy.rules.error.monthDay");
		}
		if (exclusions != null && exclusions.length() > EXCLUSIONS_MAX) {
			out.put("exclusions", "subsidy.rules.error.exclusions");
		}
		return out;
	}

}
