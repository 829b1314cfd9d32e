package jp.kennin.survey.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignProblem;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes open campaigns once their deadline has passed (unless late submission is
 * allowed), once per cluster.
 */
@Component
class CampaignCloser {

	/** The actor ID of the closing job in the audit log. */
	static final String ACTOR = "campaign-closer";

	private final CampaignRepository campaigns;

	private final CampaignManagement management;

	CampaignCloser(CampaignRepository campaigns, CampaignManagement management) {
		this.campaigns = campaigns;
		this.management = management;
	}

	@Scheduled(fixedDelayString = "${kennin.survey.close-check-interval:PT1M}")
	// Held for 90 % of the default minute: once per slot across the cluster.
	@SchedulerLock(name = "campaign-closer", lockAtLeastFor = "PT54S")
	void closeOverdue() {
		for (Campaign c : campaigns.overdue()) {
			try {
				management.close(CampaignActor.system(c.tenantId(), ACTOR), c.id());
			}
			catch (CampaignProblem alreadyClosed) {
				// staff closed it since the list was read; the others still need closing
			}
		}
	}

}
