package jp.kennin.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewAuditEvent;
import jp.kennin.review.ReviewCorrections;
import jp.kennin.review.ReviewView;
import jp.kennin.survey.SurveyChanges;
import jp.kennin.survey.SurveyCorrections;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member's side of the review screen, read from the survey module. No audit of its
 * own: the screen's view is audited once ({@code REVIEW_VIEWED}).
 */
@Service
@Transactional(readOnly = true)
class ReviewCorrectionQueries implements ReviewCorrections {

	/**
	 * The kind prefix of member steps in the history (messages review.history.MEMBER_*).
	 */
	static final String MEMBER = "MEMBER_";

	private final SurveyCorrections corrections;

	ReviewCorrectionQueries(SurveyCorrections corrections) {
		this.corrections = corrections;
	}

	@Override
	public SurveyChanges changes(ReviewActor actor, long formId) {
		requireReviewer(actor);
		return corrections.changesSinceReturn(actor.tenantId(), formId);
	}

	@Override
	public List<ReviewView.Step> timeline(ReviewActor actor, ReviewView view) {
		requireReviewer(actor);
		// Each step is placed after the review steps on the form's state that preceded it
		// (so a submission taken at the same instant as the start still comes first),
		// then
		// by time; staff steps keep their own order.
		List<Placed> all = new ArrayList<>();
		int stateSteps = 0;
		for (ReviewView.Step s : view.history()) {
			if (STATE_STEPS.contains(s.kind())) {
				stateSteps++;
			}
			all.add(new Placed(stateSteps, 0, s));
		}
		for (SurveyCorrections.MemberStep s : corrections.memberSteps(actor.tenantId(), view.form().form().id())) {
			all.add(new Placed(s.reviewStepsBefore(), 1, new ReviewView.Step(MEMBER + s.kind(), s.dependentId(),
					s.receiptNumber(), null, "MEMBER", s.at())));
		}
		all.sort(Comparator.comparingInt(Placed::stateSteps)
			.thenComparing(p -> p.step().at())
			.thenComparingInt(Placed::member));
		return all.stream().map(Placed::step).toList();
	}

	/**
	 * The review steps that change the form's state, as the survey module counts them.
	 */
	private static final Set<String> STATE_STEPS = Set.of(ReviewAuditEvent.REVIEW_STARTED.name(),
			ReviewAuditEvent.FORM_RETURNED.name(), ReviewAuditEvent.REVIEW_COMPLETED.name());

	private record Placed(int stateSteps, int member, ReviewView.Step step) {
	}

	private static void requireReviewer(ReviewActor actor) {
		if (!actor.mayReview()) {
			throw new AccessDeniedException("only the insurer's reviewers and administrators review forms");
		}
	}

}
