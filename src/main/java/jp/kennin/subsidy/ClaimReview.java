package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kennin.document.DocumentContent;
import jp.kennin.document.StoredDocument;
import jp.kennin.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The insurer's review of influenza subsidy claims (issue 15, staff side): the queue, the
 * review screen, approve / return / reject, and bulk approval of clean claims. Every use
 * case takes the {@link StaffActor}: TENANT_ADMIN and REVIEWER of the insurer (bulk
 * approval TENANT_ADMIN only); operators and office contacts are refused (403) before
 * anything is read, another insurer's claim is not found (404). A decision, its event
 * row, its audit record and the member's mail are written in one transaction.
 */
public interface ClaimReview {

	/** Rows per page of the queue. */
	int PAGE_SIZE = 50;

	/** Most claims one "all clean on this filter" run approves. */
	int BULK_MAX = 500;

	/** Longest reason or free text of a decision. */
	int REASON_MAX = 1000;

	/**
	 * The queue, oldest submission first, filtered and paged by key; audited (names are
	 * shown).
	 */
	Queue queue(StaffActor actor, Filter filter, After after);

	/**
	 * The review screen's claim, audited as viewed; a SUBMITTED claim moves to IN_REVIEW
	 * (event row) first.
	 * @throws ClaimNotFound for no such claim of the actor's insurer
	 */
	ClaimView open(StaffActor actor, long claimId);

	/**
	 * A receipt file of the claim (slot {@code subsidy-receipt:<claim id>}), opened
	 * through {@code Documents.openForStaff}, which audits the access; empty for a file
	 * that is not one of the claim's receipts.
	 */
	Optional<DocumentContent> receipt(StaffActor actor, long claimId, long documentId);

	/**
	 * 支給決定: the amount is the assessment recomputed now.
	 * @param version the claim's version the reviewer saw
	 * @param checked the receipt items the reviewer ticked; all five are required
	 * @throws ClaimReviewProblem when the checklist is incomplete, the assessment refuses
	 * the claim, the claim is no longer open or someone else decided first
	 */
	void approve(StaffActor actor, long claimId, int version, Set<ReceiptCheck> checked);

	/**
	 * 差し戻し with a reason from the templates, free text, or both
	 * ({@link ReturnReason#OTHER} needs text). The member sees the text and may correct
	 * and send again.
	 */
	void returnClaim(StaffActor actor, long claimId, int version, ReturnReason reason, String text);

	/** 却下 with a reason (required); final. */
	void reject(StaffActor actor, long claimId, int version, String reason);

	/**
	 * Approves the clean ones among the claims given (id and the version shown) with
	 * checklist {@code BULK}; TENANT_ADMIN only. Each claim is checked again; the others
	 * are skipped with the reason.
	 */
	BulkResult approveClean(StaffActor actor, Map<Long, Integer> claims);

	/**
	 * Approves every clean claim the filter finds (at most {@link #BULK_MAX});
	 * TENANT_ADMIN only.
	 */
	BulkResult approveAllClean(StaffActor actor, Filter filter);

	/** The five items a receipt must show (the member checks them before sending too). */
	enum ReceiptCheck {

		/** 接種日 */
		SHOT_DATE,
		/** 氏名 (the person vaccinated, not a company) */
		NAME,
		/** 金額 */
		AMOUNT,
		/** 医療機関 */
		CLINIC,
		/** 「インフルエンザ予防接種」 */
		WORDING

	}

	/** Reason templates of a return; each has a text in the subsidy bundle. */
	enum ReturnReason {

		NAME_UNREADABLE, AMOUNT_UNCLEAR, DATE_UNCLEAR, WORDING_MISSING, BREAKDOWN_MISSING, OTHER

	}

	/**
	 * The queue's filters; null for any. Amounts are the claim's stored amount in yen,
	 * dates the Japan date of submission, both ends included.
	 *
	 * @param office the office code (事業所) of the household's insured person
	 */
	record Filter(SubsidyClaimStatus status, String office, Integer amountFrom, Integer amountTo,
			LocalDate submittedFrom, LocalDate submittedTo, Integer fiscalYear) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null);
		}

	}

	/** Where the next page starts: after this submission time and claim ID. */
	record After(Instant submittedAt, long claimId) {
	}

	/**
	 * One claim in the queue.
	 *
	 * @param personName the person vaccinated
	 * @param duplicatePerson another counting claim of the person for the same shot date
	 * @param duplicateReceipt another claim's receipt file has the same SHA-256
	 * @param clean offered for bulk approval (the approval checks again)
	 */
	record Row(long id, String receiptNumber, String personName, String kigo, String bango, String officeName,
			LocalDate shotDate, int amountYen, SubsidyClaimStatus status, int version, Instant submittedAt,
			boolean duplicatePerson, boolean duplicateReceipt, boolean clean) {

		public boolean duplicate() {
			return duplicatePerson || duplicateReceipt;
		}

	}

	/**
	 * @param offices the insurer's offices (code to name) for the filter
	 * @param bulk whether the actor may approve in bulk
	 */
	record Queue(List<Row> rows, After next, Map<String, String> offices, List<Integer> years, boolean bulk) {
	}

	/** The roster person the claim is for. */
	record Person(long id, String name, LocalDate birthDate, boolean insured, String relationship, String officeCode,
			String officeName) {
	}

	/** A claim found by one of the duplicate checks. */
	record Duplicate(long claimId, String receiptNumber, String personName, LocalDate shotDate,
			SubsidyClaimStatus status) {
	}

	/** A change of the claim's status, oldest first. */
	record Event(SubsidyClaimStatus status, String reason, String actorKind, String actorId, Instant at) {
	}

	/**
	 * The assessment recomputed with {@link SubsidyCalculator}: the year's rules, the
	 * person as the roster has them now, the person's other counting claims of the year,
	 * and the Japan date the claim was submitted (the claim window is the member's). Null
	 * {@code assessment} when the year has no saved rules.
	 */
	record Recomputed(SubsidyCalculator.Assessment assessment, int storedYen) {

		public boolean rulesMissing() {
			return assessment == null;
		}

		public boolean taken() {
			return assessment != null && assessment.taken();
		}

		public boolean matches() {
			return taken() && assessment.amountYen() == storedYen;
		}

	}

	/**
	 * The review screen.
	 *
	 * @param receipts the claim's receipt files, newest first
	 * @param samePerson other counting claims of the person with the same shot date
	 * @param sameReceipt other claims (not withdrawn) with a receipt file of the same
	 * SHA-256, anyone's in the insurer
	 * @param decidable whether approve / return are offered (SUBMITTED or IN_REVIEW)
	 * @param rejectable whether reject is offered (also for a RETURNED claim)
	 * @param paymentHold when and by whom the approved claim was held out of the payment
	 * batches ({@link SubsidyPaymentHolds}), null when it is not held
	 */
	record ClaimView(long id, String receiptNumber, int fiscalYear, String kigo, String bango, int dose,
			LocalDate shotDate, String clinic, int paidYen, int aidYen, boolean combinedReceipt, String combinedNote,
			int amountYen, SubsidyClaimStatus status, String decisionReason, Instant submittedAt, int version,
			Person person, List<StoredDocument> receipts, List<Duplicate> samePerson, List<Duplicate> sameReceipt,
			Recomputed recomputed, List<Event> events, boolean decidable, boolean rejectable,
			SubsidyPayments.HeldClaim paymentHold) {

		public boolean duplicate() {
			return !samePerson.isEmpty() || !sameReceipt.isEmpty();
		}

	}

	/** Why bulk approval left a claim out. */
	enum SkipReason {

		NOT_FOUND, NOT_OPEN, CHANGED, DUPLICATE, COMBINED_RECEIPT, NO_RECEIPT, RULES_MISSING, ASSESSMENT_REFUSED,
		AMOUNT_DIFFERS

	}

	/** A claim bulk approval left out. */
	record Skipped(long claimId, String receiptNumber, SkipReason reason) {
	}

	/** What a bulk approval did. */
	record BulkResult(List<String> approved, List<Skipped> skipped) {
	}

	/** No such claim of the actor's insurer (404). */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	class ClaimNotFound extends RuntimeException {

		public ClaimNotFound() {
			super("no such subsidy claim", null, false, false);
		}

	}

	/**
	 * A decision refused: the message key of the subsidy bundle says why (shown on the
	 * review screen, nothing changed), with a second key for the detail (the calculator's
	 * refusal, the claim's status) or null.
	 */
	class ClaimReviewProblem extends RuntimeException {

		private final String messageKey;

		private final String detailKey;

		public ClaimReviewProblem(String messageKey) {
			this(messageKey, null);
		}

		public ClaimReviewProblem(String messageKey, String detailKey) {
			super(messageKey + (detailKey == null ? "" : " " + detailKey), null, false, false);
			this.messageKey = messageKey;
			this.detailKey = detailKey;
		}

		public String messageKey() {
			return messageKey;
		}

		public String detailKey() {
			return detailKey;
		}

	}

}
