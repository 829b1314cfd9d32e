package jp.kennin.survey;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jp.kennin.platform.JapanTime;

/**
 * When a campaign's reminders go out: on each of {@code daysBefore} days before the
 * deadline's date (Japan time; 0 is the last day) at {@code hour}:00 Japan time. A slot
 * at or after the deadline is dropped (a deadline at 09:00 has no 10:00 slot that day).
 *
 * @param daysBefore distinct, from the earliest reminder to the last (descending)
 * @param hour 0–23, Japan time
 */
public record ReminderSchedule(List<Integer> daysBefore, int hour) {

	/** 14, 7, 3 and 1 days before the deadline and on the last day, at 10:00. */
	public static final ReminderSchedule DEFAULT = new ReminderSchedule(List.of(14, 7, 3, 1, 0), 10);

	/**
	 * The longest schedule staff may set (a campaign rarely runs longer than a quarter).
	 */
	public static final int MAX_DAYS = 90;

	public ReminderSchedule {
		daysBefore = daysBefore.stream().distinct().sorted((a, b) -> b - a).toList();
		if (hour < 0 || hour > 23) {
			throw new IllegalArgumentException("hour must be 0-23");
		}
		if (daysBefore.stream().anyMatch(d -> d < 0 || d > MAX_DAYS)) {
			throw new IllegalArgumentException("days must be 0-" + MAX_DAYS);
		}
	}

	/** The reminder instants before {@code deadline}, earliest first. */
	public List<Instant> slots(Instant deadline) {
		var deadlineDay = JapanTime.of(deadline).toLocalDate();
		return daysBefore.stream()
			.map(d -> deadlineDay.minusDays(d).atTime(hour, 0).atZone(JapanTime.ZONE).toInstant())
			.filter(slot -> slot.isBefore(deadline))
			.toList();
	}

	/** As stored and typed: {@code 14,7,3,1,0}. */
	public String daysText() {
		return daysBefore.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The stored form; blank is no reminders. */
	public static ReminderSchedule of(String days, int hour) {
		return new ReminderSchedule(days == null || days.isBlank() ? List.of()
				: Arrays.stream(days.split(",")).map(String::strip).map(Integer::valueOf).toList(), hour);
	}

}
