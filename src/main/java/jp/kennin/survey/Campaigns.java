package jp.kennin.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;

/**
 * Running campaigns. Reads are scoped by tenant; every change takes the
 * {@link CampaignActor}, is refused ({@link AccessDeniedException}) unless the actor may
 * manage campaigns, and writes its {@link SurveyAuditEvent} in the transaction of the
 * change, so both commit or neither does. A campaign of another tenant is "not found".
 */
public interface Campaigns {

	List<Campaign> list(long tenantId);

	Optional<Campaign> find(long tenantId, long campaignId);

	/**
	 * @throws AccessDeniedException unless the actor may create and change campaigns
	 */
	void requireManager(CampaignActor actor);

	long create(CampaignActor actor, CampaignDraft draft);

	/**
	 * @throws CampaignProblem unless the campaign is being prepared
	 */
	void update(CampaignActor actor, long campaignId, CampaignDraft draft);

	/**
	 * Replaces the exclusion list (記号, 番号, 枝番). @throws CampaignProblem unless being
	 * prepared
	 */
	void replaceExclusions(CampaignActor actor, long campaignId, List<PersonKey> keys);

	int exclusionCount(long tenantId, long campaignId);

	TargetPreview preview(long tenantId, long campaignId);

	/**
	 * The 内訳: the preview while being prepared, the forms (and roster changes since) once
	 * opened.
	 */
	CampaignBreakdown breakdown(long tenantId, long campaignId);

	/**
	 * What opening would create, and overlaps with other open campaigns.
	 * @throws CampaignProblem unless being prepared and selecting someone
	 */
	CampaignOpening opening(CampaignActor actor, long campaignId);

	/**
	 * Publishes the campaign: one survey form per household with at least one selected
	 * dependent.
	 * @param confirmed the counts the staff member confirmed, or null; if the roster
	 * changed since, nothing is opened
	 * @return the number of survey forms created
	 * @throws CampaignProblem if not being prepared, nothing is selected, or the counts
	 * changed since confirming
	 */
	int open(CampaignActor actor, long campaignId, Confirmed confirmed);

	/**
	 * @throws CampaignProblem unless open, or if the deadline is not after the opening
	 * time
	 */
	void changeDeadline(CampaignActor actor, long campaignId, Instant deadline, boolean lateSubmissionAllowed);

	/**
	 * Chooses what closing does with the households that did not submit.
	 * @throws CampaignProblem once the campaign is closed
	 */
	void changeNonResponderRule(CampaignActor actor, long campaignId, NonResponderRule rule);

	/** What closing would end. @throws CampaignProblem unless open */
	CampaignClosing closing(CampaignActor actor, long campaignId);

	/**
	 * @throws CampaignProblem unless open
	 */
	void close(CampaignActor actor, long campaignId);

	/**
	 * @throws CampaignProblem unless closed
	 */
	void complete(CampaignActor actor, long campaignId);

	/** Creates a campaign as the system (demo data, test set-up). */
	default long create(long tenantId, CampaignDraft draft) {
		return create(CampaignActor.system(tenantId, "system"), draft);
	}

	/**
	 * Opens a campaign as the system, without a confirmation (demo data, test set-up).
	 */
	default int open(long tenantId, long campaignId) {
		return open(CampaignActor.system(tenantId, "system"), campaignId, null);
	}

	/** Closes a campaign as the system (the deadline job). */
	default void close(long tenantId, long campaignId) {
		close(CampaignActor.system(tenantId, "system"), campaignId);
	}

	record PersonKey(String kigo, String bango, String edaban) {
	}

	/** The households and dependents shown on the confirmation page. */
	record Confirmed(long households, long dependents) {
	}

}
