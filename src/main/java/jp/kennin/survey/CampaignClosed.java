package jp.kennin.survey;

import java.time.Instant;

/**
 * A campaign was closed (by staff or by the deadline job): its members can no longer
 * answer. Published inside the closing's transaction, which holds the campaign's row
 * lock, so it is published once per campaign however many nodes run the closing job, and
 * a listener that fails undoes the closing. The review module applies
 * {@code nonResponderRule} to the households that did not submit.
 *
 * @param deadline the final deadline (after any change)
 * @param actorKind {@code STAFF} or {@code SYSTEM} (the closing job)
 * @param actorId who closed it (a staff login ID, or the closing job)
 */
public record CampaignClosed(long tenantId, long campaignId, String title, Instant deadline,
		NonResponderRule nonResponderRule, String actorKind, String actorId, String actorRole, String ip) {
}
