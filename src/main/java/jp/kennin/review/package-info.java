/**
 * The review of submitted survey forms by insurer staff: the queue per campaign, starting
 * a review, a decision per dependent (継続, 削除 with 喪失日 and 事由, 保留 with a note), the
 * four-eyes approval of removals, returning a form for correction (差し戻し) and 確認完了. The
 * form's state itself stays in the survey module, which this module moves through
 * {@link jp.kennin.survey.SurveyReviewSteps}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package jp.kennin.review;
