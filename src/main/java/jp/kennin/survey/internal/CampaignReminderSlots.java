package jp.kennin.survey.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.ReminderSlots;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CampaignReminderSlots implements ReminderSlots {

	private final JdbcClient jdbc;

	CampaignReminderSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DueSlot> due(Instant now, Duration catchUp) {
		Instant from = now.minus(catchUp);
		List<DueSlot> due = new ArrayList<>();
		// Slots lie before the deadline, so a campaign whose deadline passed more than
		// the
		// window ago has none left.
		jdbc.sql("select * from campaign where status = 'OPEN' and deadline > ?")
			.param(Timestamp.from(from))
			.query((rs, n) -> {
				Campaign c = CampaignRepository.map(rs, n);
				Timestamp opened = rs.getTimestamp("opened_at");
				Instant start = opened == null || opened.toInstant().isBefore(c.opensAt()) ? c.opensAt()
						: opened.toInstant();
				for (Instant slot : c.reminders().slots(c.deadline())) {
					if (!slot.isAfter(now) && slot.isAfter(from) && slot.isAfter(start)) {
						due.add(new DueSlot(c.tenantId(), c.id(), c.title(), c.deadline(), slot));
					}
				}
				return c;
			})
			.list();
		return due;
	}

}
