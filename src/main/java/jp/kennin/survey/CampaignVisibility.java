package jp.kennin.survey;

import java.time.Instant;

/**
 * What members see of a campaign, written once: each rule is a Java predicate and the
 * same rule as one SQL condition on a campaign aliased {@code c} with the time bound to
 * the named parameter {@code :now}, so a list (SQL) and a page loaded by its URL (Java)
 * can never disagree.
 *
 * <p>
 * A closed or completed campaign stays visible, read-only, with the member's answers and
 * receipt number (受付番号 and the PDF copy are the member's proof of what was sent, also
 * after the review has finished); only a campaign in preparation, or one not yet opened,
 * is hidden.
 */
public enum CampaignVisibility {

	/** Listed on the member's survey page and loadable by URL: started and past 準備中. */
	VISIBLE("c.status <> 'PREPARING' and c.opens_at <= :now") {
		@Override
		public boolean test(Campaign c, Instant now) {
			return c.status() != CampaignStatus.PREPARING && !now.isBefore(c.opensAt());
		}
	},

	/**
	 * The home page's survey panel: campaigns running now (公開中), deadline passed or not.
	 */
	RUNNING("c.status = 'OPEN' and c.opens_at <= :now") {
		@Override
		public boolean test(Campaign c, Instant now) {
			return c.status() == CampaignStatus.OPEN && !now.isBefore(c.opensAt());
		}
	},

	/**
	 * Members may change answers and documents: running and before the deadline, unless
	 * late submission is allowed.
	 */
	TAKES_CHANGES(
			"c.status = 'OPEN' and c.opens_at <= :now and (c.deadline > :now or c.late_submission_allowed = true)") {
		@Override
		public boolean test(Campaign c, Instant now) {
			return RUNNING.test(c, now) && (now.isBefore(c.deadline()) || c.lateSubmissionAllowed());
		}
	};

	/** The name of the SQL parameter every condition binds the current instant to. */
	public static final String NOW = "now";

	private final String sql;

	CampaignVisibility(String sql) {
		this.sql = sql;
	}

	/**
	 * The rule as a condition on {@code campaign c}, binding the current time as
	 * {@code :now}.
	 */
	public String sql() {
		return sql;
	}

	public abstract boolean test(Campaign campaign, Instant now);

}
