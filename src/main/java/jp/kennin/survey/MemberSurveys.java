package jp.kennin.survey;

import java.util.List;

/**
 * The survey module's small API for the member home page.
 */
public interface MemberSurveys {

	/**
	 * The household's survey status for each open campaign of the tenant; empty when
	 * there is nothing to answer.
	 */
	List<SurveyStatus> statusFor(long tenantId, String kigo, String bango);

}
