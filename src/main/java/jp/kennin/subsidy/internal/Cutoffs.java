package jp.kennin.subsidy.internal;

import java.time.LocalDate;

import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.Cutoff;

/**
 * The cut-off dates of a year's rules (Japan dates): weekly on a day of the week (1
 * Monday … 7 Sunday), monthly on a day of the month (1–28). A cut-off day includes the
 * claims approved until its end; the batch is formed after it.
 */
final class Cutoffs {

	private Cutoffs() {
	}

	/** Whether the date is a cut-off day of the rules. */
	static boolean isCutoff(SubsidyRules rules, LocalDate date) {
		return rules.cutoff() == Cutoff.WEEKLY ? date.getDayOfWeek().getValue() == rules.cutoffDay()
				: date.getDayOfMonth() == rules.cutoffDay();
	}

	/**
	 * The last cut-off day before {@code today} (never today itself, which is not over).
	 */
	static LocalDate lastBefore(SubsidyRules rules, LocalDate today) {
		LocalDate d = today.minusDays(1);
		while (!isCutoff(rules, d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	/** The next cut-off day from {@code today} on (today included). */
	static LocalDate next(SubsidyRules rules, LocalDate today) {
		LocalDate d = today;
		while (!isCutoff(rules, d)) {
			d = d.plusDays(1);
		}
		return d;
	}

}
