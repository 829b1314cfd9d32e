package jp.kennin.survey.internal;

import java.util.List;

import jp.kennin.survey.MemberSurveys;
import jp.kennin.survey.SurveyStatus;

import org.springframework.stereotype.Service;

/**
 * Campaigns are not built yet (issue: the survey), so no household has a survey to answer. Replace this
 * with the campaign-backed implementation when campaigns land.
 */
@Service
class NoCampaignsYet implements MemberSurveys {

	@Override
	public List<SurveyStatus> statusFor(long tenantId, String kigo, String bango) {
		return List.of();
	}

}
