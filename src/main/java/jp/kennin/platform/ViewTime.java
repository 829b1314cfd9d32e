package jp.kennin.platform;

import java.time.temporal.TemporalAccessor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way dates and times reach a screen: templates call
 * {@code ${@viewTime.deadline(campaign.deadline)}}, Java code {@link DateStyle#format}.
 * Instants are shown in Japan time (storage is UTC, people read Japan time) and in the
 * viewer's language ({@code ?lang=en}); see {@link DateStyle}. CSV exports keep their own
 * fixed formats: they are read by machines, not people.
 */
@Component("viewTime")
public class ViewTime {

	/** 2026/12/02 (English: 2 Dec 2026). */
	public String date(TemporalAccessor value) {
		return format(value, DateStyle.DATE);
	}

	/** 2026/12/02 14:05 (English: 2 Dec 2026, 14:05). */
	public String dateTime(TemporalAccessor value) {
		return format(value, DateStyle.DATE_TIME);
	}

	/** 2026/12/02 14:05:09 (English: 2 Dec 2026, 14:05:09). */
	public String dateTimeSeconds(TemporalAccessor value) {
		return format(value, DateStyle.DATE_TIME_SECONDS);
	}

	/** 2026年12月2日 (English: 2 Dec 2026). */
	public String day(TemporalAccessor value) {
		return format(value, DateStyle.DAY);
	}

	/** 2026年12月2日(水) (English: Wed, 2 Dec 2026). */
	public String dayWeekday(TemporalAccessor value) {
		return format(value, DateStyle.DAY_WEEKDAY);
	}

	/** 2026年12月2日(水) 23:59 (English: Wed, 2 Dec 2026, 23:59). */
	public String deadline(TemporalAccessor value) {
		return format(value, DateStyle.DEADLINE);
	}

	/** 2026年12月02日 14:05:09 (English: 2 Dec 2026, 14:05:09). */
	public String writtenTimeSeconds(TemporalAccessor value) {
		return format(value, DateStyle.WRITTEN_TIME_SECONDS);
	}

	private static String format(TemporalAccessor value, DateStyle style) {
		return style.format(value, LocaleContextHolder.getLocale());
	}

}
