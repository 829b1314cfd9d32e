package jp.kennin.platform;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The ways Kennin writes a date or time on a screen, each in Japanese and in English. The
 * Japanese forms are the ones members and staff have always seen (numeric on staff
 * tables, written out on member pages); English always spells the month, so that 02/12 is
 * never read as 12 February or 2 December.
 */
public enum DateStyle {

	/** 2026/12/02 — staff tables. */
	DATE("yyyy/MM/dd", "d MMM yyyy"),
	/** 2026/12/02 14:05 — staff tables, submission times. */
	DATE_TIME("yyyy/MM/dd HH:mm", "d MMM yyyy, HH:mm"),
	/** 2026/12/02 14:05:09 — the audit log. */
	DATE_TIME_SECONDS("yyyy/MM/dd HH:mm:ss", "d MMM yyyy, HH:mm:ss"),
	/** 2026年12月2日 — birth dates, notice dates, reference dates. */
	DAY("yyyy年M月d日", "d MMM yyyy"),
	/** 2026年12月2日(水) — a day someone must act by. */
	DAY_WEEKDAY("yyyy年M月d日(E)", "EEE, d MMM yyyy"),
	/** 2026年12月2日(水) 23:59 — deadlines and opening times. */
	DEADLINE("yyyy年M月d日(E) HH:mm", "EEE, d MMM yyyy, HH:mm"),
	/** 2026年12月02日 14:05 — when a member may try again. */
	WRITTEN_TIME("yyyy年MM月dd日 HH:mm", "d MMM yyyy, HH:mm"),
	/** 2026年12月02日 14:05:09 — the member's previous login and registration. */
	WRITTEN_TIME_SECONDS("yyyy年MM月dd日 HH:mm:ss", "d MMM yyyy, HH:mm:ss");

	private final DateTimeFormatter japanese;

	private final DateTimeFormatter english;

	DateStyle(String japanese, String english) {
		this.japanese = DateTimeFormatter.ofPattern(japanese, Locale.JAPANESE);
		this.english = DateTimeFormatter.ofPattern(english, Locale.ENGLISH);
	}

	/**
	 * Formats in this style, Japanese unless the locale is English (like the message
	 * bundles); an instant in Japan time; null gives an empty text.
	 */
	public String format(TemporalAccessor value, Locale locale) {
		if (value == null) {
			return "";
		}
		TemporalAccessor local = value instanceof Instant instant ? JapanTime.of(instant)
				: value instanceof ZonedDateTime zoned ? zoned.withZoneSameInstant(JapanTime.ZONE) : value;
		return (locale != null && "en".equals(locale.getLanguage()) ? english : japanese).format(local);
	}

}
