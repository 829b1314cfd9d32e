package jp.kennin.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.kennin.review.LossReason;

/**
 * What the dashboard of one campaign shows; every figure counts households (survey forms)
 * except the removals, which count dependents.
 *
 * @param annualCostYen the insurer's setting, null when not set
 * @param costAvoidedYen removals × annual cost, null when the cost is not set
 * @param countedAt when the figures were counted (they may be that old: the page says so)
 * @param recountSeconds how long counted figures are shown before they are counted again,
 * 0 when every view counts anew
 */
public record Dashboard(long campaignId, String campaignTitle, Figures total, List<Figures> offices,
		List<DayCount> submissionsPerDay, List<Outreach> outreach, List<ReasonCount> removalsByReason, long removed,
		Long annualCostYen, Long costAvoidedYen, Instant countedAt, long recountSeconds) {

	/**
	 * Apache ECharts from its WebJar, for the pages that show a dashboard; the version
	 * must be pom.xml's {@code echarts.version} (DashboardIntegrationTests fetches it).
	 */
	public static final String CHART_LIBRARY = "/webjars/echarts/5.3.1/dist/echarts.min.js";

	/**
	 * One office's figures, or the campaign's total (officeCode null and total true).
	 *
	 * @param registered households whose insured person has an active account
	 * @param started households that answered anything (not 未着手)
	 * @param submitted households that handed the form in (提出済み, 審査中, 差し戻し, 確認完了)
	 * @param decided 確認完了
	 * @param warnings handed in, not yet decided, with eligibility pre-check warnings
	 * @param documentsMissing handed in, not yet decided, with documents missing
	 * @param documentsByMail of those, documents to come by post
	 * @param returned 差し戻し not yet handed in again
	 * @param overdue of those, past the correction deadline
	 */
	public record Figures(String officeCode, String officeName, long targets, long registered, long started,
			long submitted, long decided, long warnings, long documentsMissing, long documentsByMail, long returned,
			long overdue) {

		/**
		 * Submitted as a share of targets, in percent (one decimal), 0 without targets.
		 */
		public double submittedPercent() {
			return percent(submitted);
		}

		public double percent(long count) {
			return targets == 0 ? 0 : Math.round(count * 1000.0 / targets) / 10.0;
		}

		Figures plus(Figures o) {
			return new Figures(null, null, targets + o.targets, registered + o.registered, started + o.started,
					submitted + o.submitted, decided + o.decided, warnings + o.warnings,
					documentsMissing + o.documentsMissing, documentsByMail + o.documentsByMail, returned + o.returned,
					overdue + o.overdue);
		}

		/** The sum of the offices' figures. */
		public static Figures sum(List<Figures> offices) {
			Figures total = new Figures(null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
			for (Figures f : offices) {
				total = total.plus(f);
			}
			return total;
		}

	}

	/** Households that handed in on one day (Japan time). */
	public record DayCount(LocalDate day, long count) {
	}

	/**
	 * One day's messages of one kind (invitations, sign-up guides, reminders) and the
	 * households among their recipients that handed in within 48 hours of their message.
	 *
	 * @param kind outreach_journal.kind, e.g. INVITATION
	 */
	public record Outreach(LocalDate day, String kind, long sent, long submittedWithin48h) {
	}

	/** Final removals with one 事由. */
	public record ReasonCount(LossReason reason, long count) {
	}

}
