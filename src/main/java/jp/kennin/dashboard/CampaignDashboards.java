package jp.kennin.dashboard;

import jp.kennin.review.ReviewActor;

import org.springframework.security.access.AccessDeniedException;

/**
 * A campaign's dashboard for the insurer's TENANT_ADMINs and REVIEWERs (other staff:
 * {@link AccessDeniedException}); another tenant's campaign is "not found". Every figure
 * is aggregated in the database (GROUP BY), so the page costs a few queries whatever the
 * number of households; the aggregates are kept for a short time per campaign
 * ({@code kennin.dashboard.cache-ttl}, default 60 s) and the dashboard says when they
 * were counted ({@link Dashboard#countedAt()}).
 */
public interface CampaignDashboards {

	/**
	 * The whole campaign, offices sorted as asked (ties by office code).
	 */
	Dashboard view(ReviewActor actor, long campaignId, OfficeSort sort, boolean descending);

}
