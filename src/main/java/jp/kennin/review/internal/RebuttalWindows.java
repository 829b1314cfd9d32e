package jp.kennin.review.internal;

import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.platform.JapanTime;

import org.springframework.stereotype.Component;

/**
 * The rebuttal window (tenant setting {@code rebuttalDays}): a 削除 that became final is
 * 削除予定 until the end of the Japan day {@code rebuttalDays} after, and 確定 from then on.
 * Whether it is final is computed from that instant and the clock, so no job has to run
 * for a removal to become final and a test moves the clock instead of waiting.
 */
@Component
class RebuttalWindows {

	static final int MAX_DAYS = 90;

	private final ReviewRepository reviews;

	RebuttalWindows(ReviewRepository reviews) {
		this.reviews = reviews;
	}

	/**
	 * When a removal made final at {@code at} stops being 削除予定; null when the tenant has
	 * no window.
	 */
	Instant endOfWindow(long tenantId, Instant at) {
		return endOfWindow(reviews.settings(tenantId).rebuttalDays(), at);
	}

	static Instant endOfWindow(int days, Instant at) {
		if (days <= 0) {
			return null;
		}
		return JapanTime.of(at).toLocalDate().plusDays(days + 1L).atStartOfDay(JapanTime.ZONE).toInstant();
	}

	/** The last Japan day of the window, as members and staff read it. */
	static LocalDate lastDay(Instant end) {
		return JapanTime.of(end.minusNanos(1)).toLocalDate();
	}

}
