package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jp.kennin.notification.MailBounced;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A campaign mail that an SMTP server refused permanently puts its household on the
 * campaign's letter list (reason {@code BOUNCING}), so staff print it a letter; later
 * runs send that household letters instead of mails for as long as the address bounces
 * ({@link OutreachBatch}). Runs in the transaction that marks the address, so the mark
 * and the letter list agree.
 */
@Component
class BouncedOutreach {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Clock clock;

	BouncedOutreach(JdbcClient jdbc, Campaigns campaigns, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@EventListener
	void on(MailBounced bounced) {
		record Sent(long campaignId, String kigo, String bango) {
		}
		List<Sent> sent = jdbc
			.sql("select campaign_id, kigo, bango from outreach_journal where tenant_id = ? and outbox_id = ?")
			.params(bounced.tenantId(), bounced.outboxId())
			.query((rs, n) -> new Sent(rs.getLong("campaign_id"), rs.getString("kigo"), rs.getString("bango")))
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		for (Sent s : sent) {
			boolean open = campaigns.find(bounced.tenantId(), s.campaignId())
				.map(c -> c.status() == CampaignStatus.OPEN)
				.orElse(false);
			if (!open) {
				continue;
			}
			// two bounces of one household at once must not undo the second bounce's
			// transaction on the unique key: the row is there either way
			jdbc.sql("""
					insert into campaign_letter (tenant_id, campaign_id, kigo, bango, reason, created_at)
					values (?, ?, ?, ?, 'BOUNCING', ?) on conflict do nothing""")
				.params(bounced.tenantId(), s.campaignId(), s.kigo(), s.bango(), now)
				.update();
		}
	}

}
