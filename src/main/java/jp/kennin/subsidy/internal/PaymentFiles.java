package jp.kennin.subsidy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.kennin.subsidy.SubsidyPayments.Batch;
import jp.kennin.subsidy.SubsidyPayments.FileFormat;
import jp.kennin.subsidy.SubsidyPayments.PayeeProblem;
import jp.kennin.subsidy.SubsidyPayments.PaymentProblem;
import jp.kennin.subsidy.SubsidyPayments.TransferSource;
import jp.kennin.subsidy.internal.PaymentBatchRepository.Payee;

import org.springframework.stereotype.Component;

/**
 * Builds a batch's files from its claims: the payroll list ({@link PayrollList}) and the
 * 全銀協 総合振込 file ({@link ZenginTransferFile}, one data record per household, paid to the
 * member's payee account, 顧客コード1 the 記号・番号 when it fits ten characters).
 */
@Component
class PaymentFiles {

	static final String NO_ACCOUNT = "subsidy.payments.payee.NO_ACCOUNT";

	static final String NAME = "subsidy.payments.payee.NAME";

	static final String ACCOUNT = "subsidy.payments.payee.ACCOUNT";

	private final PaymentBatchRepository batches;

	PaymentFiles(PaymentBatchRepository batches) {
		this.batches = batches;
	}

	/**
	 * @param transferDate 取組日 of a 全銀 file
	 * @throws PaymentProblem without a transfer source, or when a household cannot be
	 * paid
	 */
	byte[] build(long tenantId, Batch batch, FileFormat format, LocalDate transferDate) {
		return switch (format) {
			case CSV -> PayrollList.csv(PayrollList.offices(batches.claims(tenantId, batch.id())));
			case XLSX -> PayrollList.xlsx(PayrollList.offices(batches.claims(tenantId, batch.id())));
			case ZENGIN -> zengin(tenantId, batch, transferDate);
		};
	}

	/** The households of the batch that cannot be paid by transfer, and why. */
	List<PayeeProblem> payeeProblems(long tenantId, long batchId) {
		List<PayeeProblem> out = new ArrayList<>();
		for (Payee p : batches.payees(tenantId, batchId)) {
			PayeeProblem problem = problem(p);
			if (problem != null) {
				out.add(problem);
			}
		}
		return out;
	}

	private byte[] zengin(long tenantId, Batch batch, LocalDate transferDate) {
		TransferSource source = batches.transferSource(tenantId)
			.orElseThrow(() -> new PaymentProblem("subsidy.payments.problem.sourceMissing"));
		List<Payee> payees = batches.payees(tenantId, batch.id());
		List<PayeeProblem> problems = new ArrayList<>();
		List<ZenginTransferFile.Transfer> transfers = new ArrayList<>();
		for (Payee p : payees) {
			PayeeProblem problem = problem(p);
			if (problem != null) {
				problems.add(problem);
				continue;
			}
			String code = p.kigo() + p.bango();
			transfers.add(new ZenginTransferFile.Transfer(p.bankCode(), p.bankName(), p.branchCode(), p.branchName(),
					p.accountType(), p.accountNumber(), p.holderKana(), p.amountYen(),
					code.length() <= 10 ? code : ""));
		}
		if (!problems.isEmpty()) {
			throw new PaymentProblem("subsidy.payments.problem.payees", problems);
		}
		return ZenginTransferFile.write(new ZenginTransferFile.Source(source.requesterCode(), source.requesterName(),
				source.bankCode(), source.bankName(), source.branchCode(), source.branchName(), source.accountType(),
				source.accountNumber()), transferDate, transfers);
	}

	private static PayeeProblem problem(Payee p) {
		if (!p.hasAccount()) {
			return new PayeeProblem(p.kigo(), p.bango(), p.insuredName(), NO_ACCOUNT, null);
		}
		if (!p.bankCode().matches("[0-9]{4}") || !p.branchCode().matches("[0-9]{3}")
				|| !p.accountNumber().matches("[0-9]{1,7}")) {
			return new PayeeProblem(p.kigo(), p.bango(), p.insuredName(), ACCOUNT, null);
		}
		try {
			ZenginKana.convert(p.holderKana());
			return null;
		}
		catch (ZenginKana.Unconvertible ex) {
			return new PayeeProblem(p.kigo(), p.bango(), p.insuredName(), NAME, String.valueOf(ex.character()));
		}
	}

	static String fileName(Batch batch, FileFormat format) {
		String base = "subsidy-" + batch.fiscalYear() + "-batch-" + batch.id();
		return switch (format) {
			case CSV -> base + "-payroll.csv";
			case XLSX -> base + "-payroll.xlsx";
			case ZENGIN -> base + "-zengin.txt";
		};
	}

	static String contentType(FileFormat format) {
		return switch (format) {
			case CSV -> "text/csv;charset=Windows-31J";
			case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			case ZENGIN -> "text/plain;charset=Windows-31J";
		};
	}

}
