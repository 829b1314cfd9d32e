package jp.kennin.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reminder slots that are due: of open campaigns, at or before now and within the
 * catch-up window (a node that was down at 10:00 still sends the 10:00 reminder when it
 * is back at 10:30, but not yesterday's), and after the campaign opened (a campaign
 * opened five days before its deadline has no 14-day reminder).
 */
public interface ReminderSlots {

	List<DueSlot> due(Instant now, Duration catchUp);

	record DueSlot(long tenantId, long campaignId, String title, Instant deadline, Instant slot) {
	}

}
