package jp.kennin.survey;

import java.time.Instant;
import java.time.LocalDate;

import jp.kennin.platform.JapanTime;

/**
 * What closing a campaign does with the households that did not submit, chosen per
 * campaign until it closes. The review module applies it when the campaign closes.
 */
public enum NonResponderRule {

	/** 保留: each of their dependents is put on hold for staff to decide. */
	HOLD,
	/**
	 * 削除 proposals with 事由 未提出 and 喪失日 {@link #lossDate(Instant)}, which a TENANT_ADMIN
	 * approves one by one (four eyes, whatever the insurer's setting).
	 */
	REMOVE;

	/**
	 * The loss date of a non-responder: the first day of the month after the (final)
	 * deadline, in Japan time.
	 */
	public static LocalDate lossDate(Instant deadline) {
		return JapanTime.of(deadline).toLocalDate().withDayOfMonth(1).plusMonths(1);
	}

}
