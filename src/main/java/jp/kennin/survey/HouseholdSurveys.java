package jp.kennin.survey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the help desk sees of households' survey forms: their status, submission and 受付番号,
 * never the answers (those are on the audited staff form page). Every method is scoped by
 * tenant.
 */
public interface HouseholdSurveys {

	/** A household: the insured person's 記号 and 番号. */
	record Household(String kigo, String bango) {
	}

	/**
	 * One household's form in one campaign.
	 *
	 * @param submittedAt the latest submission, also kept after the member withdrew it to
	 * edit (then {@code state} is no longer SUBMITTED); null if never submitted
	 * @param receiptNumber the 受付番号, kept across withdrawal and resubmission; null if
	 * never submitted
	 */
	record HouseholdForm(long formId, long campaignId, String campaignTitle, CampaignStatus campaignStatus,
			Instant deadline, SurveyStatus.State state, Instant submittedAt, String receiptNumber) {

		public boolean withdrawn() {
			return !state.handedIn() && state != SurveyStatus.State.RETURNED && submittedAt != null;
		}

	}

	/**
	 * The form state of each given household in one campaign; households without a form
	 * there (not surveyed) are left out.
	 */
	Map<Household, SurveyStatus.State> states(long tenantId, long campaignId, Collection<Household> households);

	/** The household's forms in every campaign, the newest campaign first. */
	List<HouseholdForm> forms(long tenantId, String kigo, String bango);

}
