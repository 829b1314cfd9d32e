package jp.kennin.subsidy.internal;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jp.kennin.subsidy.SubsidyPayments.TransferSource;

/**
 * Checks the transfer source form and brings it to the form the 全銀協 file carries: codes
 * digits only (full-width digits accepted), the 委託者名 and the bank and branch names in
 * half-width kana through {@link ZenginKana}, within their widths.
 */
final class TransferSourceCheck {

	static final Set<String> ACCOUNT_TYPES = Set.of("ORDINARY", "CURRENT", "SAVINGS");

	private TransferSourceCheck() {
	}

	/** The source as it is stored and the problems by field (message keys). */
	record Checked(TransferSource source, Map<String, String> problems) {
	}

	static Checked check(TransferSource in) {
		Map<String, String> problems = new LinkedHashMap<>();
		String requesterCode = digits(in.requesterCode(), "requesterCode", 10, 10, problems);
		String requesterName = kana(in.requesterName(), "requesterName", 40, problems);
		String bankCode = digits(in.bankCode(), "bankCode", 4, 4, problems);
		String bankName = kana(in.bankName(), "bankName", 15, problems);
		String branchCode = digits(in.branchCode(), "branchCode", 3, 3, problems);
		String branchName = kana(in.branchName(), "branchName", 15, problems);
		String type = in.accountType() == null ? "" : in.accountType().strip();
		if (!ACCOUNT_TYPES.contains(type)) {
			problems.put("accountType", "subsidy.payments.source.error.accountType");
		}
		String accountNumber = digits(in.accountNumber(), "accountNumber", 1, 7, problems);
		return new Checked(new TransferSource(requesterCode, requesterName, bankCode, bankName, branchCode, branchName,
				type, accountNumber), problems);
	}

	private static String digits(String value, String field, int min, int max, Map<String, String> problems) {
		String v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
		if (v.isEmpty()) {
			problems.put(field, "subsidy.payments.source.error.required");
		}
		else if (!v.matches("[0-9]+") || v.length() < min || v.length() > max) {
			problems.put(field, "subsidy.payments.source.error.digits." + field);
		}
		return v;
	}

	private static String kana(String value, String field, int max, Map<String, String> problems) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			problems.put(field, "subsidy.payments.source.error.required");
			return v;
		}
		try {
			String converted = ZenginKana.convert(v);
			if (converted.length() > max) {
				problems.put(field, "subsidy.payments.source.error.length." + field);
			}
			return converted;
		}
		catch (ZenginKana.Unconvertible ex) {
			problems.put(field, "subsidy.payments.source.error.kana");
			return v;
		}
	}

}
