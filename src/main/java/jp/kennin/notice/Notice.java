package jp.kennin.notice;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dated notice. {@code tenantId} null means a site notice.
 */
public record Notice(long id, Long tenantId, LocalDate date, String title, String body, Instant publishFrom,
		Instant publishUntil) {
}
