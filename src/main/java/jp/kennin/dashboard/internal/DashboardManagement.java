package jp.kennin.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jp.kennin.dashboard.CampaignDashboards;
import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.Dashboard.DayCount;
import jp.kennin.dashboard.Dashboard.Figures;
import jp.kennin.dashboard.Dashboard.Outreach;
import jp.kennin.dashboard.Dashboard.ReasonCount;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.lossnotice.LossNotices;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds the dashboard from four aggregate queries. The insurer's staff see every office;
 * an office contact sees the same queries over the offices the office module has checked
 * to be theirs, without the cost estimate.
 * <p>
 * The aggregates of a campaign (and list of offices) are kept for
 * {@code kennin.dashboard.cache-ttl} (default 60 s; 0 turns the cache off) in this
 * process, so staff opening the page again or sorting the offices within that time see
 * the same figures without the queries; the page says when they were counted. The
 * campaign's title and the cost setting are read every time.
 */
@Service
class DashboardManagement implements CampaignDashboards {

	/** Entries beyond this many are dropped when expired (one per campaign viewed). */
	private static final int PRUNE_ABOVE = 64;

	private final DashboardQueries queries;

	private final Campaigns campaigns;

	private final LossNotices notices;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<Key, Aggregates> cache = new ConcurrentHashMap<>();

	DashboardManagement(DashboardQueries queries, Campaigns campaigns, LossNotices notices, Clock clock,
			@Value("${kennin.dashboard.cache-ttl:60s}") Duration cacheTtl) {
		this.queries = queries;
		this.campaigns = campaigns;
		this.notices = notices;
		this.clock = clock;
		this.cacheTtl = cacheTtl.isNegative() ? Duration.ZERO : cacheTtl;
	}

	@Override
	@Transactional(readOnly = true)
	public Dashboard view(ReviewActor actor, long campaignId, OfficeSort sort, boolean descending) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators see the dashboard");
		}
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return build(actor.tenantId(), campaign, null, sort, descending, true);
	}

	@Override
	@Transactional(readOnly = true)
	public Dashboard forOffices(StaffActor actor, long campaignId, Set<String> offices, OfficeSort sort,
			boolean descending) {
		long tenantId = actor.requireOfficeContact();
		if (offices == null || offices.isEmpty()) {
			throw new IllegalArgumentException("an office dashboard has offices");
		}
		Campaign campaign = campaigns.find(tenantId, campaignId)
			.filter(c -> c.status() != CampaignStatus.PREPARING)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// Sorted, so one set of offices is one cache entry whatever its order.
		return build(tenantId, campaign, List.copyOf(new TreeSet<>(offices)), sort, descending, false);
	}

	/**
	 * The dashboard over the given offices ({@code null}: all), with the cost estimate or
	 * without it (both cost fields null).
	 */
	Dashboard build(long tenantId, Campaign campaign, Collection<String> offices, OfficeSort sort, boolean descending,
			boolean withCost) {
		Aggregates a = aggregates(tenantId, campaign.id(), offices);
		List<Figures> byOffice = a.offices().stream().sorted(order(sort, descending)).toList();
		long removed = a.reasons().stream().mapToLong(ReasonCount::count).sum();
		Long cost = withCost ? notices.settings(tenantId).annualCostYen() : null;
		return new Dashboard(campaign.id(), campaign.title(), Figures.sum(byOffice), byOffice, a.days(), a.outreach(),
				a.reasons(), removed, cost, cost == null ? null : cost * removed, a.countedAt(), cacheTtl.toSeconds());
	}

	/** The campaign's aggregates, from the cache while they are younger than the TTL. */
	private Aggregates aggregates(long tenantId, long campaignId, Collection<String> offices) {
		Instant now = clock.instant();
		Key key = new Key(tenantId, campaignId, offices == null ? null : List.copyOf(offices));
		Aggregates cached = cache.get(key);
		if (cached != null && cached.freshAt(now, cacheTtl)) {
			return cached;
		}
		Aggregates fresh = new Aggregates(now, queries.offices(tenantId, campaignId, offices, now),
				queries.submissionsPerDay(tenantId, campaignId, offices),
				queries.outreach(tenantId, campaignId, offices),
				queries.removalsByReason(tenantId, campaignId, offices));
		if (!cacheTtl.isZero()) {
			if (cache.size() > PRUNE_ABOVE) {
				cache.values().removeIf(entry -> !entry.freshAt(now, cacheTtl));
			}
			cache.put(key, fresh);
		}
		return fresh;
	}

	/**
	 * The order of the office table; ties (and {@link OfficeSort#OFFICE}) by office code.
	 */
	static Comparator<Figures> order(OfficeSort sort, boolean descending) {
		Comparator<Figures> by = switch (sort) {
			case OFFICE -> Comparator.comparing(Figures::officeCode, Comparator.nullsLast(Comparator.naturalOrder()));
			case TARGETS -> Comparator.comparingLong(Figures::targets);
			case REGISTERED -> Comparator.comparingLong(Figures::registered);
			case STARTED -> Comparator.comparingLong(Figures::started);
			case SUBMITTED -> Comparator.comparingLong(Figures::submitted);
			case RATE -> Comparator.comparingDouble(f -> f.targets() == 0 ? 0 : (double) f.submitted() / f.targets());
			case DECIDED -> Comparator.comparingLong(Figures::decided);
			case RETURNED -> Comparator.comparingLong(Figures::returned);
		};
		return (descending ? by.reversed() : by).thenComparing(Figures::officeCode,
				Comparator.nullsLast(Comparator.naturalOrder()));
	}

	private record Key(long tenantId, long campaignId, List<String> offices) {
	}

	/** What the four queries gave, and when. */
	private record Aggregates(Instant countedAt, List<Figures> offices, List<DayCount> days, List<Outreach> outreach,
			List<ReasonCount> reasons) {

		/** Counted no longer than the TTL ago (and not after now: a clock set back). */
		boolean freshAt(Instant now, Duration ttl) {
			return !countedAt.isAfter(now) && now.isBefore(countedAt.plus(ttl));
		}

	}

}
