package jp.kennin.review;

/**
 * Why a review step was refused; {@code messageKey} is the Japanese explanation in the
 * review (or survey) bundle, shown to the staff member next to what they tried.
 */
public class ReviewProblem extends RuntimeException {

	/** Another staff member changed the review since the page was loaded. */
	public static final String STALE = "review.problem.stale";

	public static final String NOT_IN_REVIEW = "review.problem.notInReview";

	public static final String UNDECIDED = "review.problem.undecided";

	public static final String LOSS_DATE_REQUIRED = "review.problem.lossDateRequired";

	public static final String REASON_REQUIRED = "review.problem.reasonRequired";

	public static final String NOTE_REQUIRED = "review.problem.noteRequired";

	public static final String NOT_PROPOSED = "review.problem.notProposed";

	public static final String OWN_PROPOSAL = "review.problem.ownProposal";

	public static final String MESSAGE_REQUIRED = "review.problem.messageRequired";

	public static final String RETURN_REASON_REQUIRED = "review.problem.returnReasonRequired";

	public static final String DEADLINE_PASSED = "review.problem.deadlinePassed";

	public static final String DEADLINE_AFTER_LIMIT = "review.problem.deadlineAfterLimit";

	public static final String CAMPAIGN_CLOSED = "review.problem.campaignClosed";

	private final String messageKey;

	public ReviewProblem(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
