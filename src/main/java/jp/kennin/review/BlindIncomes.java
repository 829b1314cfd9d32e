package jp.kennin.review;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jp.kennin.survey.DependentAnswers;

/**
 * Blind double entry of the income figure (tenant setting
 * {@link Reviews.ReviewSettings#blindIncome()}): the reviewer types the annual income
 * read on the certificate while the member's figure stays hidden; once saved, the
 * member's figure is shown and a difference over the tolerance flags the dependent
 * 「収入の不一致」, after which 継続 needs a note. Same rules as {@link Reviews}: typed actor,
 * tenant scope, version check, audit, one transaction.
 */
public interface BlindIncomes {

	/** 継続 on a dependent flagged 「収入の不一致」 without a note. */
	String MISMATCH_NOTE_REQUIRED = "review.problem.incomeMismatchNote";

	/**
	 * The figure was already entered for this dependent (the member's is shown since).
	 */
	String ALREADY_ENTERED = "review.problem.incomeAlreadyEntered";

	/** The dependent's answers give no income figure to compare with. */
	String NO_FIGURE = "review.problem.incomeNoFigure";

	/**
	 * 継続 under the blind setting before the certificate's figure was entered: otherwise
	 * the check could be skipped.
	 */
	String ENTRY_REQUIRED = "review.problem.incomeEntryRequired";

	/** The typed amount is missing or not an amount. */
	String INVALID = "review.problem.incomeInvalid";

	/**
	 * Pre-check warnings that compare the member's income with a limit, hidden with the
	 * figure (they would hint at it).
	 */
	Set<String> INCOME_WARNINGS = Set.of("INCOME_OVER_LIMIT", "TOGETHER_HALF_INCOME", "TOGETHER_NOT_UNDER_INSURED",
			"APART_REMITTANCE", "UNEMPLOYMENT_BENEFIT_DAILY");

	/**
	 * What the review screen shows of the blind entries; part of the screen audited as
	 * {@link ReviewAuditEvent#REVIEW_VIEWED}.
	 */
	BlindIncomeView view(ReviewActor actor, long formId);

	/**
	 * Saves the income read on the certificate for one dependent, on the version the
	 * reviewer saw, and writes {@link ReviewAuditEvent#INCOME_ENTERED} and a history
	 * entry.
	 * @throws ReviewProblem unless 審査中, when stale, when the dependent has no income
	 * figure or when the figure was already entered
	 */
	void enterIncome(ReviewActor actor, long formId, int version, long dependentId, long yen);

	/**
	 * The member's annual income figure for a dependent (the total of the income amounts
	 * answered), or null when the answers give none (leaving, not answered, or no income
	 * at all) and there is nothing to compare.
	 */
	static Long memberFigure(DependentAnswers answers) {
		if (!answers.staying() || answers.continuation() == null || answers.incomeSalary() == null) {
			return null;
		}
		long total = answers.totalIncome();
		return total > 0 ? total : null;
	}

	/**
	 * The blind entries of one form.
	 *
	 * @param enabled the insurer's setting is on
	 * @param byDependent the dependents whose answers give an income figure
	 */
	record BlindIncomeView(boolean enabled, int toleranceYen, Map<Long, IncomeCheck> byDependent) {

		public static final BlindIncomeView NONE = new BlindIncomeView(false, 0, Map.of());

		public IncomeCheck of(long dependentId) {
			return byDependent.get(dependentId);
		}

		/** The member's figure is hidden until the blind entry is saved. */
		public boolean hidden(long dependentId) {
			IncomeCheck c = of(dependentId);
			return enabled && c != null && !c.entered();
		}

		public boolean mismatch(long dependentId) {
			IncomeCheck c = of(dependentId);
			return c != null && c.mismatch();
		}

		/**
		 * Used by the review screen to leave out warnings that would hint at the figure.
		 */
		public boolean incomeWarning(String code) {
			return INCOME_WARNINGS.contains(code);
		}

	}

	/**
	 * One dependent's blind entry.
	 *
	 * @param enteredYen null until entered
	 * @param memberYen the member's figure, null while it is hidden
	 * @param mismatch entered and off by more than the tolerance
	 */
	record IncomeCheck(Long enteredYen, Long memberYen, boolean mismatch, String enteredBy, Instant enteredAt) {

		public boolean entered() {
			return enteredYen != null;
		}

		public Long difference() {
			return enteredYen == null || memberYen == null ? null : Math.abs(enteredYen - memberYen);
		}

	}

}
