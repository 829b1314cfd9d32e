package jp.kennin.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;

import jp.kennin.platform.JapanTime;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.Reviews.ReviewSettings;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignStatus;

import org.springframework.stereotype.Component;

/**
 * The correction deadline of a 差し戻し. The member can only change a form while the campaign
 * takes changes, so the deadline never lies after the campaign's deadline unless late
 * submission is allowed; the default (the tenant's number of days, to the end of that day
 * in Japan time) is capped there.
 */
@Component
class ReturnDeadlines {

	private final Clock clock;

	ReturnDeadlines(Clock clock) {
		this.clock = clock;
	}

	Instant deadline(Campaign campaign, Instant requested, ReviewSettings settings) {
		Instant now = clock.instant();
		if (campaign.status() != CampaignStatus.OPEN || !campaign.acceptsMemberChanges(clock)) {
			throw new ReviewProblem(ReviewProblem.CAMPAIGN_CLOSED);
		}
		if (requested != null) {
			if (!requested.isAfter(now)) {
				throw new ReviewProblem(ReviewProblem.DEADLINE_PASSED);
			}
			if (!campaign.lateSubmissionAllowed() && requested.isAfter(campaign.deadline())) {
				throw new ReviewProblem(ReviewProblem.DEADLINE_AFTER_LIMIT);
			}
			return requested;
		}
		Instant byDefault = JapanTime.today(clock)
			.plusDays(settings.correctionDays())
			.atTime(LocalTime.of(23, 59))
			.atZone(JapanTime.ZONE)
			.toInstant();
		return campaign.lateSubmissionAllowed() || byDefault.isBefore(campaign.deadline()) ? byDefault
				: campaign.deadline();
	}

}
