package jp.kennin.account.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jp.kennin.platform.DateStyle;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * When a member may try again, in Japan time to the minute and in the member's language:
 * rounded up, so that trying at the time shown always works.
 */
final class RetryTimes {

	private RetryTimes() {
	}

	static String format(Instant at) {
		Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
		return DateStyle.WRITTEN_TIME.format(minute.equals(at) ? at : minute.plus(1, ChronoUnit.MINUTES),
				LocaleContextHolder.getLocale());
	}

}
