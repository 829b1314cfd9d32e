package jp.kennin.dashboard.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import jp.kennin.dashboard.CampaignDashboards;
import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.Dashboard.Figures;
import jp.kennin.dashboard.Dashboard.ReasonCount;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.lossnotice.LossNotices;
import jp.kennin.review.ReviewActor;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.Campaigns;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds the dashboard from four aggregate queries. The insurer's staff see every office;
 * the queries already take a list of offices for a dashboard limited to an office
 * contact's.
 */
@Service
class DashboardManagement implements CampaignDashboards {

	private final DashboardQueries queries;

	private final Campaigns campaigns;

	private final LossNotices notices;

	private final Clock clock;

	DashboardManagement(DashboardQueries queries, Campaigns campaigns, LossNotices notices, Clock clock) {
		this.queries = queries;
		this.campaigns = campaigns;
		this.notices = notices;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Dashboard view(ReviewActor actor, long campaignId, OfficeSort sort, boolean descending) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators see the dashboard");
		}
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return build(actor.tenantId(), campaign, null, sort, descending);
	}

	/** The dashboard over the given offices ({@code null}: all). */
	Dashboard build(long tenantId, Campaign campaign, Collection<String> offices, OfficeSort sort, boolean descending) {
		List<Figures> byOffice = queries.offices(tenantId, campaign.id(), offices, clock.instant(), sort, descending);
		List<ReasonCount> reasons = queries.removalsByReason(tenantId, campaign.id(), offices);
		long removed = reasons.stream().mapToLong(ReasonCount::count).sum();
		Long cost = notices.settings(tenantId).annualCostYen();
		return new Dashboard(campaign.id(), campaign.title(), Figures.sum(byOffice), byOffice,
				queries.submissionsPerDay(tenantId, campaign.id(), offices),
				queries.outreach(tenantId, campaign.id(), offices), reasons, removed, cost,
				cost == null ? null : cost * removed);
	}

}
