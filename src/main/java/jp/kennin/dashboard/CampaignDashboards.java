package jp.kennin.dashboard;

import java.util.Set;

import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;

import org.springframework.security.access.AccessDeniedException;

/**
 * A campaign's dashboard for the insurer's TENANT_ADMINs and REVIEWERs (other staff:
 * {@link AccessDeniedException}); another tenant's campaign is "not found". Every figure
 * is aggregated in the database (GROUP BY), so the page costs a few queries whatever the
 * number of households; the aggregates are kept for a short time per campaign
 * ({@code kennin.dashboard.cache-ttl}, default 60 s) and the dashboard says when they
 * were counted ({@link Dashboard#countedAt()}).
 * <p>
 * Office contacts see the same dashboard over their offices only ({@link #forOffices}),
 * called by the office module once it has checked which offices are theirs.
 */
public interface CampaignDashboards {

	/**
	 * The whole campaign, offices sorted as asked (ties by office code).
	 */
	Dashboard view(ReviewActor actor, long campaignId, OfficeSort sort, boolean descending);

	/**
	 * An opened campaign of the actor's insurer over some of its offices only, for an
	 * office contact: every figure counts the forms of those offices alone, and the
	 * estimated cost avoided is left out ({@link Dashboard#annualCostYen()} and
	 * {@link Dashboard#costAvoidedYen()} null: the insurer's cost assumption is not the
	 * office's business, and an office's few removals say nothing about it). Nothing in a
	 * dashboard names a person; removals are counts per 事由.
	 * @param offices office codes the caller has checked to be the actor's (the office
	 * module's {@code OfficeContactViews.scope}); never empty
	 * @throws AccessDeniedException unless the actor is an office contact
	 * @throws org.springframework.web.server.ResponseStatusException 404 for another
	 * insurer's campaign or one still being prepared
	 */
	Dashboard forOffices(StaffActor actor, long campaignId, Set<String> offices, OfficeSort sort, boolean descending);

}
