package jp.kennin.subsidy.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which 振込指定日 a 全銀 総合振込 file may carry. Banks take such a file some days before the date
 * and transfer on it, on a business day; how many days before is each bank's contract, so
 * the rule here only refuses what no bank accepts: no date, a day gone by, a Saturday or
 * Sunday, or more than a month ahead. Bank holidays are not known here.
 */
final class TransferDates {

	static final String MISSING = "subsidy.payments.problem.transferDateMissing";

	static final String INVALID = "subsidy.payments.problem.transferDateInvalid";

	static final String PAST = "subsidy.payments.problem.transferDatePast";

	static final String WEEKEND = "subsidy.payments.problem.transferDateWeekend";

	static final String TOO_FAR = "subsidy.payments.problem.transferDateTooFar";

	private TransferDates() {
	}

	/** The message key of why the date is refused, or null when it may be used. */
	static String problem(LocalDate date, LocalDate today) {
		if (date == null) {
			return MISSING;
		}
		if (date.isBefore(today)) {
			return PAST;
		}
		if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			return WEEKEND;
		}
		if (date.isAfter(today.plusMonths(1))) {
			return TOO_FAR;
		}
		return null;
	}

}
