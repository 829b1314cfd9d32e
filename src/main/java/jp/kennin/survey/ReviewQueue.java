package jp.kennin.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The staff review queue of one campaign: forms that were handed in (提出済み, 審査中, 差し戻し,
 * 確認完了), filtered, searched and paged by key (the page after a row, never an offset), so
 * a page answers as fast at 100,000 forms as at 100. Read-only and scoped by tenant.
 */
public interface ReviewQueue {

	/**
	 * What the queue lists in each tab; {@code RESUBMITTED} is 提出済み after a 差し戻し (再提出).
	 */
	enum Tab {

		SUBMITTED, RESUBMITTED, IN_REVIEW, RETURNED, COMPLETED

	}

	enum Sort {

		/** Longest waiting first (submission time, oldest first). */
		OLDEST,
		/** Newest submission first. */
		NEWEST,
		/** By 記号 and 番号. */
		NUMBER

	}

	/** Documents the member did not upload or added later. */
	enum DocumentFilter {

		/** Required documents missing (not uploaded at submission nor added since). */
		MISSING,
		/** Of which 「郵送で提出」 was promised. */
		BY_MAIL,
		/** Documents added after submission (提出後に追加). */
		ADDED_AFTER

	}

	/**
	 * @param office 事業所コード, or null for all
	 * @param reviewer the assigned reviewer's login ID, or null for all
	 * @param waitingDays only forms submitted at least this many days ago, or null
	 * @param search 記号・番号 (e.g. {@code 9-r1}, {@code 9 r1} or just the 番号) or part of the
	 * insured person's name, or null
	 * @param incomeMismatch only forms with a dependent flagged 「収入の不一致」 (blind double
	 * entry of the income)
	 */
	record Filter(Tab tab, String office, DocumentFilter documents, String reviewer, Integer waitingDays, String search,
			Sort sort, PrecheckFilter precheck, boolean incomeMismatch) {

		/** Without the pre-check and mismatch filters. */
		public Filter(Tab tab, String office, DocumentFilter documents, String reviewer, Integer waitingDays,
				String search, Sort sort) {
			this(tab, office, documents, reviewer, waitingDays, search, sort, null, false);
		}

		/** Without the mismatch filter. */
		public Filter(Tab tab, String office, DocumentFilter documents, String reviewer, Integer waitingDays,
				String search, Sort sort, PrecheckFilter precheck) {
			this(tab, office, documents, reviewer, waitingDays, search, sort, precheck, false);
		}

	}

	/** The key of the last row of a page: where the next page starts. */
	record After(String key, long formId) {
	}

	record Row(long formId, String kigo, String bango, String insuredName, String officeCode, String officeName,
			SurveyStatus.State status, boolean resubmitted, Instant submittedAt, String receiptNumber, int dependents,
			int documentsMissing, int documentsByMail, int documentsAdded, String reviewer, int version,
			Integer precheckWarnings, String precheckCodes, Integer dependentsLeaving, boolean bulkSampled,
			boolean bulkApproved, boolean incomeMismatch, boolean rebuttal) {

		/**
		 * Offered for bulk approval: no pre-check warning, nobody leaving, no document
		 * missing or promised by post, not set aside before, 提出済み or 審査中. What the form
		 * itself tells; the review module adds its own conditions (documents 確認済, no
		 * decisions, no blind entry pending) before it offers the form, and checks all
		 * again on approval.
		 */
		public boolean bulkCandidate() {
			return precheckWarnings != null && precheckWarnings == 0 && dependentsLeaving != null
					&& dependentsLeaving == 0 && documentsMissing == 0 && documentsByMail == 0 && !bulkSampled
					&& (status == SurveyStatus.State.SUBMITTED || status == SurveyStatus.State.IN_REVIEW);
		}

	}

	/** One page of rows and the key of the next page (null on the last page). */
	record Page(List<Row> rows, After next) {
	}

	/**
	 * The stored eligibility pre-check (see {@link SurveyBulkReview}); forms whose result
	 * is unknown match neither.
	 */
	enum PrecheckFilter {

		/** 事前チェックの注意あり. */
		WARNINGS,
		/** 事前チェックの注意なし. */
		CLEAN

	}

	Page page(long tenantId, long campaignId, Filter filter, After after, int size, Instant now);

	/** How many forms each tab holds (every tab present, 0 when empty). */
	Map<Tab, Long> counts(long tenantId, long campaignId);

	/** Forms not handed in yet (未作成, 作成中, and withdrawn ones). */
	long notHandedIn(long tenantId, long campaignId);

	/** The offices of the campaign's forms: code → name, by code. */
	Map<String, String> offices(long tenantId, long campaignId);

	/** The login IDs of reviewers assigned to the campaign's forms. */
	List<String> reviewers(long tenantId, long campaignId);

}
