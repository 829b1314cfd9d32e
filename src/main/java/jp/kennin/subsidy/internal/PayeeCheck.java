package jp.kennin.subsidy.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kennin.subsidy.MemberSubsidies.Payee;
import jp.kennin.subsidy.MemberSubsidies.PayeeRejected;

/**
 * The member's bank account as it is stored: codes of 4 and 3 digits, names of at most 30
 * characters, a known account type ({@link TransferSourceCheck#ACCOUNT_TYPES}), the
 * number padded to 7 digits and the holder's name convertible to the 全銀 half-width kana
 * of the transfer file (at most 30). Every wrong field is named at once, so the form
 * shows each message next to its field.
 */
final class PayeeCheck {

	private PayeeCheck() {
	}

	/**
	 * @throws PayeeRejected naming each field that is wrong
	 */
	static Payee check(Payee p) {
		Map<String, String> problems = new LinkedHashMap<>();
		String bank = trim(p.bankCode());
		String branch = trim(p.branchCode());
		String number = trim(p.accountNumber());
		String holder = trim(p.holderKana());
		if (!bank.matches("[0-9]{4}")) {
			problems.put("bankCode", "subsidy.payee.error.bankCode");
		}
		if (trim(p.bankName()).isEmpty() || trim(p.bankName()).length() > 30) {
			problems.put("bankName", "subsidy.payee.error.bankName");
		}
		if (!branch.matches("[0-9]{3}")) {
			problems.put("branchCode", "subsidy.payee.error.branchCode");
		}
		if (trim(p.branchName()).isEmpty() || trim(p.branchName()).length() > 30) {
			problems.put("branchName", "subsidy.payee.error.branchName");
		}
		if (p.accountType() == null || !TransferSourceCheck.ACCOUNT_TYPES.contains(p.accountType())) {
			problems.put("accountType", "subsidy.payee.error.accountType");
		}
		if (!number.matches("[0-9]{1,7}")) {
			problems.put("accountNumber", "subsidy.payee.error.accountNumber");
		}
		if (!holderConvertible(holder)) {
			problems.put("holderKana", "subsidy.payee.error.holderKana");
		}
		if (!problems.isEmpty()) {
			throw new PayeeRejected(problems);
		}
		return new Payee(bank, trim(p.bankName()), branch, trim(p.branchName()), p.accountType(),
				"0".repeat(7 - number.length()) + number, holder);
	}

	private static boolean holderConvertible(String holder) {
		try {
			return !holder.isEmpty() && ZenginKana.convert(holder).length() <= 30;
		}
		catch (ZenginKana.Unconvertible ex) {
			return false;
		}
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}

}
