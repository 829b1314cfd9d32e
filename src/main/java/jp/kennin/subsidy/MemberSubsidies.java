package jp.kennin.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.kennin.document.StoredDocument;

/**
 * The member side of the influenza subsidy (インフルエンザ補助金申請): who in the household can claim
 * and what is left, a claim per person and dose kept as a draft until it is sent (form,
 * receipt files, the five receipt checks), sending, withdrawing, correcting a returned
 * claim, and the claims of this and earlier years. Every use case takes the logged-in
 * {@link Member}; a claim of another household or insurer is not found, exactly as one
 * that does not exist.
 */
public interface MemberSubsidies {

	/** The slot of a claim's receipt files: {@code subsidy-receipt:<claim id>}. */
	String RECEIPT_SLOT = "subsidy-receipt:";

	/**
	 * The logged-in member: the insured person's household of one insurer, the account
	 * and the request's address (audit).
	 */
	record Member(long tenantId, long accountId, String kigo, String bango, String ip) {

		/** The audit's actor id, as the document module names a household. */
		public String key() {
			return kigo + ":" + bango;
		}

	}

	/**
	 * The page behind 「インフルエンザ補助金申請」.
	 *
	 * @param fiscalYear the year claims are taken for now
	 * @param rules that year's rules, or null when the insurer has not set them (nothing
	 * can be claimed)
	 * @param claimWindowOpen whether claims are taken today
	 * @param persons the household's active people, the insured person first
	 * @param claims the household's claims of that year, newest first
	 * @param earlier the claims of earlier years, newest first
	 * @param payeeNeeded whether claims are paid by bank transfer, so the member gives an
	 * account
	 * @param payee the account given, or null
	 */
	record Overview(int fiscalYear, SubsidyRules rules, boolean claimWindowOpen, List<PersonEntry> persons,
			List<ClaimSummary> claims, List<ClaimSummary> earlier, boolean payeeNeeded, Payee payee) {
	}

	/**
	 * One person of the household for this year.
	 *
	 * @param notCovered why the person is not covered (a message key of the subsidy
	 * bundle), or null
	 * @param dosesAllowed doses the person may claim
	 * @param remainingYen what the person may still receive
	 * @param openDoses the doses not claimed yet (a draft does not close a dose)
	 */
	record PersonEntry(long personId, String name, String relationship, boolean insured, LocalDate birthDate,
			String notCovered, int dosesAllowed, int remainingYen, List<Integer> openDoses) {
	}

	/** A claim as the member's lists show it. */
	record ClaimSummary(long id, int fiscalYear, String receiptNumber, long personId, String personName, int dose,
			LocalDate shotDate, String clinic, int paidYen, int aidYen, int amountYen, SubsidyClaimStatus status,
			Instant submittedAt, LocalDate paidOn) {
	}

	/**
	 * What the member types for one claim. {@code combinedNote} is the breakdown per
	 * person when one receipt covers several people.
	 */
	record ClaimInput(long personId, int dose, LocalDate shotDate, String clinic, int paidYen, int aidYen,
			boolean combinedReceipt, String combinedNote) {
	}

	/**
	 * One claim with what the page needs.
	 *
	 * @param assessment the subsidy computed now with the year's rules (what sending it
	 * would claim), or null when the claim is sent (its amount is fixed)
	 * @param receipts the claim's receipt files, oldest first
	 * @param uploadable whether the member may add a receipt file now
	 * @param deletable whether the member may delete receipt files now
	 * @param decisionReason the reason staff gave for returning or rejecting it, or null
	 * @param checked the receipt items the member confirmed when sending
	 * @param history the status changes, oldest first
	 * @param payeeMissing whether sending waits for the member's bank account
	 */
	record ClaimView(ClaimSummary summary, ClaimInput input, String personRelationship,
			SubsidyCalculator.Assessment assessment, List<StoredDocument> receipts, boolean uploadable,
			boolean deletable, String decisionReason, Set<ClaimReview.ReceiptCheck> checked, List<HistoryEntry> history,
			boolean payeeMissing, int version) {

		public boolean editable() {
			return summary.status().editableByMember();
		}

		public boolean withdrawable() {
			return summary.status().withdrawable() && summary.status() != SubsidyClaimStatus.DRAFT;
		}

	}

	/** A status change the member sees: when, what, and the reason staff gave. */
	record HistoryEntry(SubsidyClaimStatus status, String reason, Instant at) {
	}

	/**
	 * The bank account a bank-transfer subsidy is paid to.
	 *
	 * @param accountType ORDINARY (普通), CURRENT (当座) or SAVINGS (貯蓄)
	 * @param holderKana the account holder's name in katakana, as the bank has it
	 */
	record Payee(String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber, String holderKana) {
	}

	Overview overview(Member member);

	/** The person's open draft for that dose, if there is one (the form continues it). */
	Optional<Long> draftFor(Member member, long personId, int dose);

	/**
	 * Starts a claim as a draft, after checking it against the year's rules and the
	 * person's other claims.
	 * @return the claim's id
	 * @throws ClaimRefused with the reason, by field
	 */
	long start(Member member, ClaimInput input);

	/**
	 * Changes a draft or a returned claim (the person and dose stay).
	 * @throws ClaimRefused with the reason, by field
	 * @throws ClaimNotOpen when it was sent or changed meanwhile
	 */
	void change(Member member, long claimId, int version, ClaimInput input);

	Optional<ClaimView> claim(Member member, long claimId);

	/**
	 * Sends a draft, or resends a returned claim, once a receipt file is there, every
	 * receipt item is confirmed and (bank transfer) an account is given; the amount is
	 * computed again as it is sent.
	 * @return the receipt number (受付番号), kept when a returned claim is resent
	 * @throws ClaimRefused with the reason
	 * @throws ClaimNotOpen when it was sent or changed meanwhile
	 */
	String send(Member member, long claimId, int version, Set<ClaimReview.ReceiptCheck> checked);

	/**
	 * Withdraws (取下げ) a sent claim before a decision.
	 * @throws ClaimNotOpen when it was decided or changed meanwhile
	 */
	void withdraw(Member member, long claimId, int version);

	/** Deletes a draft and its receipt files; false if there was no such draft. */
	boolean discard(Member member, long claimId);

	Optional<Payee> payee(Member member);

	/**
	 * Saves the member's bank account.
	 * @throws PayeeRejected naming each field that is wrong
	 */
	void savePayee(Member member, Payee payee);

	/**
	 * Why a claim (or an account) is refused: a message key of the subsidy bundle, and
	 * the field it belongs to (null for the claim as a whole).
	 */
	class ClaimRefused extends RuntimeException {

		private final String field;

		private final String messageKey;

		public ClaimRefused(String field, String messageKey) {
			super(messageKey, null, false, false);
			this.field = field;
			this.messageKey = messageKey;
		}

		public String field() {
			return field;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	/**
	 * A bank account with something wrong in one or more fields: each problem by field
	 * (message keys), the first also as {@link #field()} and {@link #messageKey()}.
	 */
	class PayeeRejected extends ClaimRefused {

		private final transient Map<String, String> problems;

		public PayeeRejected(Map<String, String> problems) {
			super(problems.keySet().iterator().next(), problems.values().iterator().next());
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> problems() {
			return problems;
		}

	}

	/** The claim was sent, decided or changed in another tab meanwhile. */
	class ClaimNotOpen extends RuntimeException {

		public ClaimNotOpen() {
			super("subsidy claim not open", null, false, false);
		}

	}

}
