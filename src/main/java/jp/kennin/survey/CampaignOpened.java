package jp.kennin.survey;

import java.time.Instant;

/**
 * A campaign was opened and its survey forms created. Published inside the opening's
 * transaction, so a listener that fails undoes the opening; the account module queues the
 * invitations to the households from it.
 */
public record CampaignOpened(long tenantId, long campaignId, String title, Instant opensAt, Instant deadline,
		int forms) {
}
