package jp.kennin.subsidy;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Payment batches of approved influenza subsidy claims (issue 15, staff side). At the
 * fiscal year's cut-off (weekly or monthly, Japan dates) or when a TENANT_ADMIN closes
 * now, the approved claims of the year that are in no batch form one batch. The first
 * download of a batch's file locks it (EXPORTED): no claim joins or leaves it any more
 * and every later download is the same bytes. 支給済み marks the batch and each of its claims
 * PAID.
 * <p>
 * TENANT_ADMIN and REVIEWER of the insurer read the batches; only TENANT_ADMINs close,
 * export, mark paid and keep the transfer source (the insurer's own bank account).
 * Operators and office contacts are refused (403) before anything is read; another
 * insurer's batch is not found (404). Every read and change is audited in the transaction
 * that makes it.
 */
public interface SubsidyPayments {

	/**
	 * Who formed a batch at the scheduled cut-off ({@code created_by}, and the actor of
	 * its audit record).
	 */
	String CUTOFF_ACTOR = "subsidy-cutoff";

	/**
	 * The insurer's batches of a fiscal year, newest first, and what waits for the next.
	 */
	Overview overview(StaffActor actor, int fiscalYear);

	/**
	 * 今すぐ締める: the approved claims of the year in no batch form a batch now (cut-off
	 * today, Japan date), paid by the route of the year's rules.
	 * @return the new batch's ID
	 * @throws PaymentProblem when the year has no saved rules or no claim waits
	 */
	long closeNow(StaffActor actor, int fiscalYear);

	/**
	 * A batch with its claims and the totals per office.
	 * @throws BatchNotFound for no such batch of the actor's insurer
	 */
	BatchDetail batch(StaffActor actor, long batchId);

	/**
	 * A batch's file; the first download locks the batch and stores the file, later ones
	 * return the stored bytes. PAYROLL batches have {@link FileFormat#CSV} and
	 * {@link FileFormat#XLSX}, BANK_TRANSFER batches {@link FileFormat#ZENGIN}, which is
	 * made once by {@link #makeTransferFile} and then downloaded here.
	 * @throws PaymentProblem when the format does not fit the route, or the transfer file
	 * has not been made yet; nothing is locked then
	 */
	PaymentFile export(StaffActor actor, long batchId, FileFormat format);

	/**
	 * Makes a BANK_TRANSFER batch's 全銀 file with the 振込指定日 (its 取組日: the day the bank
	 * transfers), stores it and locks the batch; made once, so a second call returns the
	 * stored file whatever date it names.
	 * @param transferDate a Japan date from today to a month ahead, not a Saturday or
	 * Sunday (bank holidays are the administrator's to avoid: there is no calendar of
	 * them here)
	 * @throws PaymentProblem for a missing or refused date, a PAYROLL batch, no transfer
	 * source, or payees that cannot be paid ({@link PaymentProblem#payees()} names them);
	 * nothing is locked then
	 */
	PaymentFile makeTransferFile(StaffActor actor, long batchId, LocalDate transferDate);

	/**
	 * 支給済み: the exported batch and each of its claims are PAID on that Japan date.
	 * @param version the batch's version the page showed
	 * @throws PaymentProblem for a batch not exported, already paid or changed since, or
	 * a date in the future
	 */
	void markPaid(StaffActor actor, long batchId, int version, LocalDate paidOn);

	/** Where a batch stands. */
	enum BatchStatus {

		/** Formed; its file not downloaded yet. */
		OPEN,
		/** A file was downloaded: locked. */
		EXPORTED,
		/** 支給済み. */
		PAID

	}

	/** The files of a batch. */
	enum FileFormat {

		/** 支給一覧 per office, CSV in Windows-31J (PAYROLL). */
		CSV,
		/** The same list as an XLSX workbook (PAYROLL). */
		XLSX,
		/** 全銀協 総合振込 (BANK_TRANSFER). */
		ZENGIN;

		public boolean fits(PaymentRoute route) {
			return route == PaymentRoute.BANK_TRANSFER ? this == ZENGIN : this != ZENGIN;
		}

	}

	/** One batch in the list. */
	record Batch(long id, int fiscalYear, PaymentRoute route, LocalDate cutOff, BatchStatus status, int claimCount,
			long totalYen, Instant createdAt, String createdBy, Instant exportedAt, String exportedBy, LocalDate paidOn,
			String paidBy, LocalDate transferDate, int version) {

		public boolean locked() {
			return status != BatchStatus.OPEN;
		}

		/** Formed by the scheduled cut-off rather than by 今すぐ締める. */
		public boolean atCutoff() {
			return CUTOFF_ACTOR.equals(createdBy);
		}

	}

	/**
	 * @param waitingCount approved claims of the year in no batch
	 * @param waitingYen their amounts together
	 * @param rules the year's saved rules (route and cut-off), null without
	 * @param nextCutOff the next scheduled cut-off (Japan date, today or later), null
	 * without rules
	 * @param admin whether the actor may close, export and mark paid
	 * @param years the fiscal years offered (with claims or rules, and the current one)
	 * @param held the year's approved claims held out of the batches
	 * ({@link SubsidyPaymentHolds})
	 */
	record Overview(int fiscalYear, List<Batch> batches, int waitingCount, long waitingYen, SubsidyRules rules,
			LocalDate nextCutOff, boolean admin, List<Integer> years, List<HeldClaim> held) {
	}

	/** A claim in a batch. */
	record BatchClaim(long id, String receiptNumber, String kigo, String bango, String officeCode, String officeName,
			String insuredName, String personName, int amountYen) {
	}

	/** An approved claim held out of the batches, with when and by whom. */
	record HeldClaim(long id, String receiptNumber, String kigo, String bango, String personName, int amountYen,
			Instant heldAt, String heldBy) {
	}

	/** A batch's total for one office (事業所). */
	record OfficeTotal(String officeCode, String officeName, int households, int claims, long totalYen) {
	}

	/**
	 * Why a payee cannot be paid by bank transfer.
	 *
	 * @param reasonKey {@code subsidy.payments.payee.NO_ACCOUNT} or
	 * {@code subsidy.payments.payee.NAME} (then {@code character} is the refused one) or
	 * {@code subsidy.payments.payee.ACCOUNT}; serializable, as the page gets it as a
	 * flash attribute kept in the session
	 */
	record PayeeProblem(String kigo, String bango, String insuredName, String reasonKey,
			String character) implements Serializable {
	}

	/**
	 * @param payeeProblems for BANK_TRANSFER, the households that cannot be paid (empty
	 * otherwise)
	 * @param sourceMissing for BANK_TRANSFER, no transfer source saved
	 */
	record BatchDetail(Batch batch, List<BatchClaim> claims, List<OfficeTotal> offices,
			List<PayeeProblem> payeeProblems, boolean sourceMissing, boolean admin) {
	}

	/** A file to send. */
	record PaymentFile(String fileName, String contentType, byte[] content) {
	}

	/**
	 * The insurer's own account (委託者) for the 全銀協 file.
	 *
	 * @param requesterCode 委託者コード, 10 digits
	 * @param requesterName 委託者名 in kana, at most 40 half-width characters
	 * @param accountType ORDINARY, CURRENT or SAVINGS
	 * @param accountNumber up to 7 digits
	 */
	record TransferSource(String requesterCode, String requesterName, String bankCode, String bankName,
			String branchCode, String branchName, String accountType, String accountNumber) {
	}

	/** No such batch of the actor's insurer (404). */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	class BatchNotFound extends RuntimeException {

		public BatchNotFound() {
			super("no such subsidy payment batch", null, false, false);
		}

	}

	/**
	 * An action refused: the message key of the subsidy bundle says why; nothing changed.
	 */
	class PaymentProblem extends RuntimeException {

		private final String messageKey;

		private final transient List<PayeeProblem> payees;

		public PaymentProblem(String messageKey) {
			this(messageKey, List.of());
		}

		public PaymentProblem(String messageKey, List<PayeeProblem> payees) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
			this.payees = List.copyOf(payees);
		}

		public String messageKey() {
			return messageKey;
		}

		public List<PayeeProblem> payees() {
			return payees;
		}

	}

	/** Transfer source fields that are wrong, by field name, as message keys. */
	class TransferSourceRejected extends RuntimeException {

		private final transient Map<String, String> problems;

		public TransferSourceRejected(Map<String, String> problems) {
			super("transfer source rejected: " + problems.keySet(), null, false, false);
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> problems() {
			return problems;
		}

	}

}
