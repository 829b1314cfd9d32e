package jp.kennin.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetPreview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CampaignManagement implements Campaigns {

	private final CampaignRepository campaigns;

	private final TargetSelection selection;

	private final JdbcClient jdbc;

	CampaignManagement(CampaignRepository campaigns, TargetSelection selection, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.selection = selection;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Campaign> list(long tenantId) {
		return campaigns.list(tenantId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Campaign> find(long tenantId, long campaignId) {
		return campaigns.find(tenantId, campaignId);
	}

	@Override
	public long create(long tenantId, CampaignDraft draft) {
		checkPeriod(draft.opensAt(), draft.deadline());
		return campaigns.insert(tenantId, draft);
	}

	@Override
	public void update(long tenantId, long campaignId, CampaignDraft draft) {
		requireStatus(campaignId, tenantId, CampaignStatus.PREPARING, "survey.campaign.problem.notPreparing");
		checkPeriod(draft.opensAt(), draft.deadline());
		campaigns.update(tenantId, campaignId, draft);
	}

	@Override
	public void replaceExclusions(long tenantId, long campaignId, List<PersonKey> keys) {
		requireStatus(campaignId, tenantId, CampaignStatus.PREPARING, "survey.campaign.problem.notPreparing");
		jdbc.sql("delete from campaign_exclusion where tenant_id = ? and campaign_id = ?").params(tenantId, campaignId).update();
		for (PersonKey key : keys.stream().distinct().toList()) {
			jdbc.sql("insert into campaign_exclusion (campaign_id, tenant_id, kigo, bango, edaban) values (?, ?, ?, ?, ?)")
				.params(campaignId, tenantId, key.kigo(), key.bango(), key.edaban())
				.update();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public int exclusionCount(long tenantId, long campaignId) {
		return jdbc.sql("select count(*) from campaign_exclusion where tenant_id = ? and campaign_id = ?")
			.params(tenantId, campaignId)
			.query(Integer.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public TargetPreview preview(long tenantId, long campaignId) {
		return selection.preview(campaigns.find(tenantId, campaignId).orElseThrow(CampaignNotFound::new));
	}

	@Override
	public int open(long tenantId, long campaignId) {
		Campaign campaign = requireStatus(campaignId, tenantId, CampaignStatus.PREPARING,
				"survey.campaign.problem.notPreparing");
		if (selection.preview(campaign).dependents() == 0) {
			throw new CampaignProblem("survey.campaign.problem.nobodySelected");
		}
		int forms = selection.createForms(campaign);
		campaigns.changeStatus(tenantId, campaignId, CampaignStatus.OPEN, "opened_at");
		return forms;
	}

	@Override
	public void changeDeadline(long tenantId, long campaignId, Instant deadline, boolean lateSubmissionAllowed) {
		Campaign campaign = requireStatus(campaignId, tenantId, CampaignStatus.OPEN, "survey.campaign.problem.notOpen");
		checkPeriod(campaign.opensAt(), deadline);
		campaigns.changeDeadline(tenantId, campaignId, deadline, lateSubmissionAllowed);
	}

	@Override
	public void close(long tenantId, long campaignId) {
		requireStatus(campaignId, tenantId, CampaignStatus.OPEN, "survey.campaign.problem.notOpen");
		campaigns.changeStatus(tenantId, campaignId, CampaignStatus.CLOSED, "closed_at");
	}

	@Override
	public void complete(long tenantId, long campaignId) {
		requireStatus(campaignId, tenantId, CampaignStatus.CLOSED, "survey.campaign.problem.notClosed");
		campaigns.changeStatus(tenantId, campaignId, CampaignStatus.COMPLETED, null);
	}

	private Campaign requireStatus(long campaignId, long tenantId, CampaignStatus expected, String problemKey) {
		Campaign campaign = campaigns.lock(tenantId, campaignId).orElseThrow(CampaignNotFound::new);
		if (campaign.status() != expected) {
			throw new CampaignProblem(problemKey);
		}
		return campaign;
	}

	private static void checkPeriod(Instant opensAt, Instant deadline) {
		if (!deadline.isAfter(opensAt)) {
			throw new CampaignProblem("survey.campaign.problem.deadlineBeforeOpening");
		}
	}

}
