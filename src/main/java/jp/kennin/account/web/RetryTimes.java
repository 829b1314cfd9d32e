package jp.kennin.account.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jp.kennin.platform.JapanTime;

/**
 * When a member may try again, in Japan time to the minute: rounded up, so that trying at the time shown
 * always works.
 */
final class RetryTimes {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

	private RetryTimes() {
	}

	static String format(Instant at) {
		Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
		return MINUTES.format(JapanTime.of(minute.equals(at) ? at : minute.plus(1, ChronoUnit.MINUTES)));
	}

}
