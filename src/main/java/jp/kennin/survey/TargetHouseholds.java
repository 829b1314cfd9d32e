package jp.kennin.survey;

import java.util.Map;

/**
 * A campaign's target households for another module's query: {@code insuredIdsSql} is a
 * subquery selecting the roster IDs of the insured persons (本人), with its parameters. It
 * names its parameters without the prefix {@code inv_}, which callers keep for their own.
 */
public record TargetHouseholds(String insuredIdsSql, Map<String, Object> params) {

	public TargetHouseholds {
		params = Map.copyOf(params);
	}

	/** The households that received a survey form when the campaign opened. */
	public static TargetHouseholds formsOf(long tenantId, long campaignId) {
		return new TargetHouseholds(
				"select sf.insured_person_id from survey_form sf where sf.tenant_id = :tenant and sf.campaign_id = :campaign",
				Map.of("tenant", tenantId, "campaign", campaignId));
	}

}
