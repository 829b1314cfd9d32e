package jp.kennin.review;

import java.util.List;

import jp.kennin.survey.SurveyChanges;

import org.springframework.security.access.AccessDeniedException;

/**
 * What the review screen shows of the member's side of a 差し戻し: the changes of a 再提出 and
 * the history with the member's steps. Read-only; reviewers and administrators of the
 * form's tenant only ({@link AccessDeniedException} otherwise, another tenant's form has
 * no changes and no steps).
 */
public interface ReviewCorrections {

	/** What changed since the submission staff returned (old and new per question). */
	SurveyChanges changes(ReviewActor actor, long formId);

	/**
	 * The review's history with the member's steps (submitted, resubmitted, withdrawn,
	 * documents added) in order by time.
	 */
	List<ReviewView.Step> timeline(ReviewActor actor, ReviewView view);

}
