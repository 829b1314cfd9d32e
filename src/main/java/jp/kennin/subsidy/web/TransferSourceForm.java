package jp.kennin.subsidy.web;

import jp.kennin.subsidy.SubsidyPayments.TransferSource;

/** The transfer source form (委託者の口座), as typed. */
public class TransferSourceForm {

	private String requesterCode = "";

	private String requesterName = "";

	private String bankCode = "";

	private String bankName = "";

	private String branchCode = "";

	private String branchName = "";

	private String accountType = "ORDINARY";

	private String accountNumber = "";

	static TransferSourceForm of(TransferSource source) {
		TransferSourceForm form = new TransferSourceForm();
		if (source != null) {
			form.requesterCode = source.requesterCode();
			form.requesterName = source.requesterName();
			form.bankCode = source.bankCode();
			form.bankName = source.bankName();
			form.branchCode = source.branchCode();
			form.branchName = source.branchName();
			form.accountType = source.accountType();
			form.accountNumber = source.accountNumber();
		}
		return form;
	}

	TransferSource source() {
		return new TransferSource(requesterCode, requesterName, bankCode, bankName, branchCode, branchName, accountType,
				accountNumber);
	}

	public String getRequesterCode() {
		return requesterCode;
	}

	public void setRequesterCode(String requesterCode) {
		this.requesterCode = requesterCode;
	}

	public String getRequesterName() {
		return requesterName;
	}

	public void setRequesterName(String requesterName) {
		this.requesterName = requesterName;
	}

	public String getBankCode() {
		return bankCode;
	}

	public void setBankCode(String bankCode) {
		this.bankCode = bankCode;
	}

	public String getBankName() {
		return bankName;
	}

	public void setBankName(String bankName) {
		this.bankName = bankName;
	}

	public String getBranchCode() {
		return branchCode;
	}

	public void setBranchCode(String branchCode) {
		this.branchCode = branchCode;
	}

	public String getBranchName() {
		return branchName;
	}

	public void setBranchName(String branchName) {
		this.branchName = branchName;
	}

	public String getAccountType() {
		return accountType;
	}

	public void setAccountType(String accountType) {
		this.accountType = accountType;
	}

	public String getAccountNumber() {
		return accountNumber;
	}

	public void setAccountNumber(String accountNumber) {
		this.accountNumber = accountNumber;
	}

}
