package jp.kennin.subsidy.web;

import java.text.Normalizer;

import jp.kennin.subsidy.MemberSubsidies.Payee;

/**
 * The member's bank account for bank-transfer payments, as typed (full-width digits are
 * taken; the service checks and pads).
 */
public class PayeeForm {

	private String bankCode;

	private String bankName;

	private String branchCode;

	private String branchName;

	private String accountType = "ORDINARY";

	private String accountNumber;

	private String holderKana;

	static PayeeForm of(Payee p) {
		PayeeForm f = new PayeeForm();
		if (p != null) {
			f.bankCode = p.bankCode();
			f.bankName = p.bankName();
			f.branchCode = p.branchCode();
			f.branchName = p.branchName();
			f.accountType = p.accountType();
			f.accountNumber = p.accountNumber();
			f.holderKana = p.holderKana();
		}
		return f;
	}

	Payee toPayee() {
		return new Payee(digits(bankCode), bankName, digits(branchCode), branchName, accountType, digits(accountNumber),
				holderKana == null ? null : Normalizer.normalize(holderKana, Normalizer.Form.NFKC));
	}

	private static String digits(String s) {
		return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC).replace("-", "").strip();
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

	public String getHolderKana() {
		return holderKana;
	}

	public void setHolderKana(String holderKana) {
		this.holderKana = holderKana;
	}

}
