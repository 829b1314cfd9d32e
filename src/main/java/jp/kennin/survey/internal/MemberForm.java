package jp.kennin.survey.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jp.kennin.survey.Campaign;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.SurveyForm;

/**
 * Everything the member pages of one survey form show.
 */
public record MemberForm(SurveyForm form, Campaign campaign, List<FormDependent> dependents,
		Map<Long, DependentAnswers> answers) {

	public DependentAnswers answers(long dependentId) {
		return answers.getOrDefault(dependentId, DependentAnswers.empty(dependentId));
	}

	public FormDependent dependent(long dependentId) {
		return dependents.stream().filter(d -> d.id() == dependentId).findFirst().orElseThrow(FormNotFound::new);
	}

	public boolean allCompleted() {
		return dependents.stream().allMatch(d -> answers(d.id()).completed());
	}

	/**
	 * Answers may change: the campaign takes changes, the form is not submitted and, when
	 * returned, its correction deadline has not passed.
	 */
	public boolean editable(Clock clock) {
		return campaign.acceptsMemberChanges(clock) && !form.submitted() && !correctionExpired(clock);
	}

	/** Returned for correction and the correction deadline passed. */
	public boolean correctionExpired(Clock clock) {
		return form.status() == jp.kennin.survey.SurveyStatus.State.RETURNED
				&& form.review().correctionDeadline() != null
				&& clock.instant().isAfter(form.review().correctionDeadline());
	}

	/**
	 * A submitted form can be taken back until a reviewer starts, while the campaign
	 * takes changes.
	 */
	public boolean withdrawable(Clock clock) {
		return form.submitted() && form.reviewStartedAt() == null && campaign.acceptsMemberChanges(clock);
	}

}
