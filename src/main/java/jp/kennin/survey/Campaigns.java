package jp.kennin.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Running campaigns. Every method is scoped by tenant; a campaign of another tenant is "not found".
 */
public interface Campaigns {

	List<Campaign> list(long tenantId);

	Optional<Campaign> find(long tenantId, long campaignId);

	long create(long tenantId, CampaignDraft draft);

	/** @throws CampaignProblem unless the campaign is being prepared */
	void update(long tenantId, long campaignId, CampaignDraft draft);

	/** Replaces the exclusion list (記号, 番号, 枝番). @throws CampaignProblem unless being prepared */
	void replaceExclusions(long tenantId, long campaignId, List<PersonKey> keys);

	int exclusionCount(long tenantId, long campaignId);

	TargetPreview preview(long tenantId, long campaignId);

	/**
	 * Publishes the campaign: one survey form per household with at least one selected dependent.
	 * @return the number of survey forms created
	 * @throws CampaignProblem if not being prepared or nothing is selected
	 */
	int open(long tenantId, long campaignId);

	/** @throws CampaignProblem unless open, or if the deadline is not after the opening time */
	void changeDeadline(long tenantId, long campaignId, Instant deadline, boolean lateSubmissionAllowed);

	/** @throws CampaignProblem unless open */
	void close(long tenantId, long campaignId);

	/** @throws CampaignProblem unless closed */
	void complete(long tenantId, long campaignId);

	record PersonKey(String kigo, String bango, String edaban) {
	}

}
