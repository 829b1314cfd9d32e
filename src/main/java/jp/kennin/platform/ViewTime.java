package jp.kennin.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Japan-time formatting for templates: {@code ${@viewTime.dateTime(instant)}}. Storage is UTC; people
 * read Japan time.
 */
@Component("viewTime")
public class ViewTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	public String dateTime(Instant instant) {
		return instant == null ? "" : MINUTES.format(JapanTime.of(instant));
	}

	public String dateTimeSeconds(Instant instant) {
		return instant == null ? "" : SECONDS.format(JapanTime.of(instant));
	}

	public String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

}
