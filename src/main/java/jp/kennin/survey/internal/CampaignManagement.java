package jp.kennin.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignBreakdown;
import jp.kennin.survey.CampaignClosed;
import jp.kennin.survey.CampaignClosing;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignOpened;
import jp.kennin.survey.NonResponderRule;
import jp.kennin.survey.CampaignOpening;
import jp.kennin.survey.CampaignOutreach;
import jp.kennin.survey.CampaignProblem;
import jp.kennin.survey.CampaignStatus;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetPreview;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_CLOSED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_COMPLETED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_CREATED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_DEADLINE_CHANGED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_EXCLUSIONS_REPLACED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_LATE_SUBMISSION_CHANGED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_NON_RESPONDER_RULE_CHANGED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_OPENED;
import static jp.kennin.survey.SurveyAuditEvent.CAMPAIGN_UPDATED;

/**
 * The campaign use cases: role check, state rule, change and audit record in one
 * transaction each.
 */
@Service
@Transactional
class CampaignManagement implements Campaigns {

	private final CampaignRepository campaigns;

	private final TargetSelection selection;

	private final CampaignFormCounts formCounts;

	private final CampaignAudit audit;

	private final ApplicationEventPublisher events;

	private final CampaignExclusions exclusions;

	private final ObjectProvider<CampaignOutreach> outreach;

	CampaignManagement(CampaignRepository campaigns, TargetSelection selection, CampaignFormCounts formCounts,
			CampaignExclusions exclusions, CampaignAudit audit, ApplicationEventPublisher events,
			ObjectProvider<CampaignOutreach> outreach) {
		this.outreach = outreach;
		this.campaigns = campaigns;
		this.selection = selection;
		this.formCounts = formCounts;
		this.exclusions = exclusions;
		this.audit = audit;
		this.events = events;
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
	public void requireManager(CampaignActor actor) {
		if (!actor.mayManage()) {
			throw new AccessDeniedException("only the insurer's administrators change campaigns");
		}
	}

	@Override
	public long create(CampaignActor actor, CampaignDraft draft) {
		requireManager(actor);
		checkPeriod(draft.opensAt(), draft.deadline());
		long id = campaigns.insert(actor.tenantId(), draft);
		audit.record(CAMPAIGN_CREATED, actor, id, audit.fields(draft));
		return id;
	}

	@Override
	public void update(CampaignActor actor, long campaignId, CampaignDraft draft) {
		Campaign before = require(actor, campaignId, CampaignStatus.PREPARING, "survey.campaign.problem.notPreparing");
		checkPeriod(draft.opensAt(), draft.deadline());
		campaigns.update(actor.tenantId(), campaignId, draft);
		audit.record(CAMPAIGN_UPDATED, actor, campaignId, audit.changes(before, draft));
	}

	@Override
	public void replaceExclusions(CampaignActor actor, long campaignId, List<PersonKey> keys) {
		require(actor, campaignId, CampaignStatus.PREPARING, "survey.campaign.problem.notPreparing");
		int before = exclusions.count(actor.tenantId(), campaignId);
		int after = exclusions.replace(actor.tenantId(), campaignId, keys);
		audit.record(CAMPAIGN_EXCLUSIONS_REPLACED, actor, campaignId,
				Map.of("before", String.valueOf(before), "after", String.valueOf(after)));
	}

	@Override
	@Transactional(readOnly = true)
	public int exclusionCount(long tenantId, long campaignId) {
		return exclusions.count(tenantId, campaignId);
	}

	@Override
	@Transactional(readOnly = true)
	public TargetPreview preview(long tenantId, long campaignId) {
		return selection.preview(campaigns.find(tenantId, campaignId).orElseThrow(CampaignNotFound::new));
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignBreakdown breakdown(long tenantId, long campaignId) {
		Campaign campaign = campaigns.find(tenantId, campaignId).orElseThrow(CampaignNotFound::new);
		if (campaign.status() == CampaignStatus.PREPARING) {
			return new CampaignBreakdown(selection.preview(campaign), false, CampaignBreakdown.RosterChanges.NONE);
		}
		return new CampaignBreakdown(formCounts.byOffice(campaign), true, selection.sinceOpening(campaign));
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignOpening opening(CampaignActor actor, long campaignId) {
		requireManager(actor);
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId).orElseThrow(CampaignNotFound::new);
		requireStatus(campaign, CampaignStatus.PREPARING, "survey.campaign.problem.notPreparing");
		TargetPreview targets = selection.preview(campaign);
		if (targets.dependents() == 0) {
			throw new CampaignProblem("survey.campaign.problem.nobodySelected");
		}
		CampaignOutreach outreach = this.outreach.getIfAvailable();
		return new CampaignOpening(campaign, targets, selection.overlaps(campaign),
				outreach == null ? null : outreach.plan(actor.tenantId(), selection.households(campaign)));
	}

	@Override
	public int open(CampaignActor actor, long campaignId, Confirmed confirmed) {
		Campaign campaign = require(actor, campaignId, CampaignStatus.PREPARING,
				"survey.campaign.problem.notPreparing");
		TargetPreview targets = selection.preview(campaign);
		if (targets.dependents() == 0) {
			throw new CampaignProblem("survey.campaign.problem.nobodySelected");
		}
		if (confirmed != null
				&& (confirmed.households() != targets.households() || confirmed.dependents() != targets.dependents())) {
			throw new CampaignProblem("survey.campaign.problem.targetsChanged");
		}
		long overlapping = selection.overlaps(campaign).stream().mapToLong(CampaignOpening.Overlap::dependents).sum();
		int forms = selection.createForms(campaign);
		campaigns.changeStatus(actor.tenantId(), campaignId, CampaignStatus.OPEN, "opened_at");
		audit.record(CAMPAIGN_OPENED, actor, campaignId,
				Map.of("forms", String.valueOf(forms), "households", String.valueOf(targets.households()), "dependents",
						String.valueOf(targets.dependents()), "overlapping", String.valueOf(overlapping)));
		events.publishEvent(new CampaignOpened(actor.tenantId(), campaignId, campaign.title(), campaign.opensAt(),
				campaign.deadline(), forms));
		return forms;
	}

	@Override
	public void changeDeadline(CampaignActor actor, long campaignId, Instant deadline, boolean lateSubmissionAllowed) {
		Campaign campaign = require(actor, campaignId, CampaignStatus.OPEN, "survey.campaign.problem.notOpen");
		checkPeriod(campaign.opensAt(), deadline);
		campaigns.changeDeadline(actor.tenantId(), campaignId, deadline, lateSubmissionAllowed);
		if (!deadline.equals(campaign.deadline())) {
			audit.record(CAMPAIGN_DEADLINE_CHANGED, actor, campaignId,
					Map.of("from", CampaignAudit.time(campaign.deadline()), "to", CampaignAudit.time(deadline)));
		}
		if (lateSubmissionAllowed != campaign.lateSubmissionAllowed()) {
			audit.record(CAMPAIGN_LATE_SUBMISSION_CHANGED, actor, campaignId,
					Map.of("allowed", String.valueOf(lateSubmissionAllowed)));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public CampaignClosing closing(CampaignActor actor, long campaignId) {
		requireManager(actor);
		Campaign campaign = campaigns.find(actor.tenantId(), campaignId).orElseThrow(CampaignNotFound::new);
		requireStatus(campaign, CampaignStatus.OPEN, "survey.campaign.problem.notOpen");
		return formCounts.closing(campaign);
	}

	@Override
	public void close(CampaignActor actor, long campaignId) {
		Campaign campaign = require(actor, campaignId, CampaignStatus.OPEN, "survey.campaign.problem.notOpen");
		CampaignClosing closing = formCounts.closing(campaign);
		campaigns.changeStatus(actor.tenantId(), campaignId, CampaignStatus.CLOSED, "closed_at");
		audit.record(CAMPAIGN_CLOSED, actor, campaignId, Map.of("forms", String.valueOf(closing.households()),
				"notSubmitted", String.valueOf(closing.notSubmitted())));
		// Under the campaign's row lock: once per campaign, whichever node closes it.
		events.publishEvent(new CampaignClosed(actor.tenantId(), campaignId, campaign.title(), campaign.deadline(),
				campaign.nonResponderRule(), actor.kind(), actor.id(), actor.role(), actor.ip()));
	}

	@Override
	public void changeNonResponderRule(CampaignActor actor, long campaignId, NonResponderRule rule) {
		requireManager(actor);
		Campaign campaign = campaigns.lock(actor.tenantId(), campaignId).orElseThrow(CampaignNotFound::new);
		if (!campaign.nonResponderRuleChangeable()) {
			throw new CampaignProblem("survey.campaign.problem.ruleAfterClosing");
		}
		if (campaign.nonResponderRule() == rule) {
			return;
		}
		campaigns.changeNonResponderRule(actor.tenantId(), campaignId, rule);
		audit.record(CAMPAIGN_NON_RESPONDER_RULE_CHANGED, actor, campaignId,
				Map.of("from", campaign.nonResponderRule().name(), "to", rule.name()));
	}

	@Override
	public void complete(CampaignActor actor, long campaignId) {
		Campaign campaign = require(actor, campaignId, CampaignStatus.CLOSED, "survey.campaign.problem.notClosed");
		campaigns.changeStatus(actor.tenantId(), campaignId, CampaignStatus.COMPLETED, "completed_at");
		audit.record(CAMPAIGN_COMPLETED, actor, campaignId,
				Map.of("forms", String.valueOf(formCounts.forms(campaign))));
	}

	/**
	 * Checks the role, then locks the campaign so concurrent transitions run one after
	 * the other.
	 */
	private Campaign require(CampaignActor actor, long campaignId, CampaignStatus expected, String problemKey) {
		requireManager(actor);
		Campaign campaign = campaigns.lock(actor.tenantId(), campaignId).orElseThrow(CampaignNotFound::new);
		requireStatus(campaign, expected, problemKey);
		return campaign;
	}

	private static void requireStatus(Campaign campaign, CampaignStatus expected, String problemKey) {
		if (campaign.status() != expected) {
			throw new CampaignProblem(problemKey);
		}
	}

	private static void checkPeriod(Instant opensAt, Instant deadline) {
		if (!deadline.isAfter(opensAt)) {
			throw new CampaignProblem("survey.campaign.problem.deadlineBeforeOpening");
		}
	}

}
