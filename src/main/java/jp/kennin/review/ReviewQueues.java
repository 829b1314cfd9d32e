package jp.kennin.review;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.ReviewQueue;

/**
 * The review queue of a campaign for its insurer's TENANT_ADMINs and REVIEWERs; each
 * listing is audited ({@link ReviewAuditEvent#REVIEW_QUEUE_VIEWED}). Another tenant's
 * campaign is "not found".
 */
public interface ReviewQueues {

	/** Rows per page. */
	int PAGE_SIZE = 50;

	Queue list(ReviewActor actor, long campaignId, ReviewQueue.Filter filter, ReviewQueue.After after);

	/**
	 * One page of the queue with what the filters offer.
	 *
	 * @param bulkOffered the page's forms bulk approval would accept now (the queue
	 * offers a tick box on these only)
	 */
	record Queue(Campaign campaign, ReviewQueue.Page page, Map<ReviewQueue.Tab, Long> counts, long notHandedIn,
			Map<String, String> offices, List<String> reviewers, Set<Long> bulkOffered) {

		public boolean offered(long formId) {
			return bulkOffered.contains(formId);
		}

	}

}
