package jp.kennin.review.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewQueues;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.ReviewQueue;
import jp.kennin.survey.SurveyBulkReview;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.kennin.review.ReviewAuditEvent.REVIEW_QUEUE_VIEWED;

/**
 * Lists a campaign's queue for its insurer's reviewers, recording who looked with which
 * filters.
 */
@Service
@Transactional
class ReviewQueueManagement implements ReviewQueues {

	private final Campaigns campaigns;

	private final ReviewQueue queue;

	private final ReviewAudit audit;

	private final Clock clock;

	private final SurveyBulkReview prechecks;

	private final BulkOffers offers;

	ReviewQueueManagement(Campaigns campaigns, ReviewQueue queue, ReviewAudit audit, Clock clock,
			SurveyBulkReview prechecks, BulkOffers offers) {
		this.offers = offers;
		this.prechecks = prechecks;
		this.campaigns = campaigns;
		this.queue = queue;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Queue list(ReviewActor actor, long campaignId, ReviewQueue.Filter filter, ReviewQueue.After after) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators review forms");
		}
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId).orElseThrow(ReviewNotFound::new);
		long tenant = actor.tenantId();
		var page = queue.page(tenant, campaignId, filter, after, PAGE_SIZE, clock.instant());
		// Forms submitted before the pre-check was stored (V88) get it when first listed.
		var unknown = page.rows().stream().filter(r -> r.precheckWarnings() == null).map(r -> r.formId()).toList();
		if (!unknown.isEmpty() && prechecks.fillPrechecks(tenant, unknown) > 0) {
			page = queue.page(tenant, campaignId, filter, after, PAGE_SIZE, clock.instant());
		}
		audit.record(REVIEW_QUEUE_VIEWED, actor, "campaign:" + campaignId, details(filter, after));
		// A tick box only where bulk approval would accept the form (the approval checks
		// again with the same rule).
		var offered = offers.accepted(tenant,
				page.rows()
					.stream()
					.filter(ReviewQueue.Row::bulkCandidate)
					.map(r -> new BulkOffers.FormRef(r.formId(), r.kigo(), r.bango()))
					.toList());
		return new Queue(campaign, page, queue.counts(tenant, campaignId), queue.notHandedIn(tenant, campaignId),
				queue.offices(tenant, campaignId), queue.reviewers(tenant, campaignId), offered);
	}

	private static Map<String, String> details(ReviewQueue.Filter filter, ReviewQueue.After after) {
		Map<String, String> out = new LinkedHashMap<>();
		put(out, "tab", filter.tab());
		put(out, "office", filter.office());
		put(out, "documents", filter.documents());
		put(out, "reviewer", filter.reviewer());
		put(out, "waitingDays", filter.waitingDays());
		put(out, "search", filter.search());
		put(out, "sort", filter.sort());
		put(out, "precheck", filter.precheck());
		put(out, "incomeMismatch", filter.incomeMismatch() ? "true" : null);
		put(out, "after", after == null ? null : after.formId());
		return out;
	}

	private static void put(Map<String, String> out, String key, Object value) {
		if (value != null && !value.toString().isBlank()) {
			out.put(key, value.toString());
		}
	}

}
