package jp.kennin.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Members and staff read every time in Japan time; storage is always UTC.
 */
public final class JapanTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private JapanTime() {
	}

	public static ZonedDateTime of(Instant instant) {
		return instant.atZone(ZONE);
	}

	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(ZONE));
	}

	public static String formatDateTime(Instant instant) {
		return DATE_TIME.format(of(instant));
	}

	public static String formatDate(LocalDate date) {
		return DATE.format(date);
	}

}
