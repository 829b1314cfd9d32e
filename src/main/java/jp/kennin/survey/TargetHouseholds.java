package jp.kennin.survey;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

	/**
	 * The households whose form is in one of {@code states}, of some offices or all
	 * ({@code officeCodes} empty). Every such query of one campaign and offices takes the
	 * same parameters, so a caller may combine several.
	 */
	public static TargetHouseholds formsIn(long tenantId, long campaignId, Collection<String> officeCodes,
			Collection<SurveyStatus.State> states) {
		Map<String, Object> params = new HashMap<>(Map.of("tenant", tenantId, "campaign", campaignId));
		String sql = "select sf.insured_person_id from survey_form sf where sf.tenant_id = :tenant"
				+ " and sf.campaign_id = :campaign and sf.status in ("
				+ states.stream().map(s -> "'" + s.name() + "'").sorted().collect(Collectors.joining(", ")) + ")";
		if (!officeCodes.isEmpty()) {
			params.put("offices", List.copyOf(officeCodes));
			sql += " and sf.office_code in (:offices)";
		}
		return new TargetHouseholds(sql, params);
	}

}
