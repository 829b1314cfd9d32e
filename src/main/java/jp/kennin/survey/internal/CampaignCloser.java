package jp.kennin.survey.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import jp.kennin.survey.Campaign;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes open campaigns once their deadline has passed (unless late submission is allowed), once per
 * cluster.
 */
@Component
class CampaignCloser {

	private final CampaignRepository campaigns;

	private final CampaignManagement management;

	CampaignCloser(CampaignRepository campaigns, CampaignManagement management) {
		this.campaigns = campaigns;
		this.management = management;
	}

	@Scheduled(fixedDelayString = "${kennin.survey.close-check-interval:PT1M}")
	@SchedulerLock(name = "campaign-closer")
	void closeOverdue() {
		for (Campaign c : campaigns.overdue()) {
			management.close(c.tenantId(), c.id());
		}
	}

}
