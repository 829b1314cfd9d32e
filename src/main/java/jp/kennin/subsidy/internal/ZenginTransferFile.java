package jp.kennin.subsidy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes a 全銀協 総合振込 file (種別コード 21, コード区分 0 = JIS): fixed 120-byte records in Windows-31J
 * with half-width kana, header (1), one data record (2) per payee, trailer (8) and end
 * (9), CRLF between records. The layout field by field is in docs/subsidy.md.
 */
public final class ZenginTransferFile {

	/** Bytes per record. */
	public static final int RECORD = 120;

	private static final Charset SJIS = Charset.forName("Windows-31J");

	private ZenginTransferFile() {
	}

	/**
	 * The insurer's source account.
	 *
	 * @param requesterCode 委託者コード, 10 digits
	 * @param requesterName 委託者名 (converted to half-width kana)
	 * @param bankCode 仕向銀行番号, 4 digits
	 * @param bankName 仕向銀行名
	 * @param branchCode 仕向支店番号, 3 digits
	 * @param branchName 仕向支店名
	 * @param accountType ORDINARY, CURRENT or SAVINGS
	 * @param accountNumber 口座番号, up to 7 digits
	 */
	public record Source(String requesterCode, String requesterName, String bankCode, String bankName,
			String branchCode, String branchName, String accountType, String accountNumber) {
	}

	/**
	 * One payee.
	 *
	 * @param bankCode 被仕向銀行番号
	 * @param bankName bank name as typed (converted when possible, else blank)
	 * @param branchCode 被仕向支店番号
	 * @param branchName branch name as typed (converted when possible, else blank)
	 * @param accountType ORDINARY, CURRENT or SAVINGS
	 * @param accountNumber 口座番号
	 * @param holderKana 受取人名 in kana (must convert)
	 * @param amountYen 振込金額
	 * @param customerCode 顧客コード1 (e.g. the member's 記号番号), or blank
	 */
	public record Transfer(String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber, String holderKana, long amountYen, String customerCode) {
	}

	/**
	 * The file.
	 * @param source the insurer's account
	 * @param transferDate 取組日 (MMDD)
	 * @param transfers the payees
	 * @return the bytes
	 * @throws ZenginKana.Unconvertible when a holder name has no 全銀 form
	 */
	public static byte[] write(Source source, LocalDate transferDate, List<Transfer> transfers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StringBuilder header = new StringBuilder(RECORD);
		header.append('1').append("21").append('0');
		header.append(num(source.requesterCode(), 10));
		header.append(text(ZenginKana.convert(source.requesterName()), 40));
		header.append(String.format("%02d%02d", transferDate.getMonthValue(), transferDate.getDayOfMonth()));
		header.append(num(source.bankCode(), 4));
		header.append(text(ZenginKana.convert(source.bankName()), 15));
		header.append(num(source.branchCode(), 3));
		header.append(text(ZenginKana.convert(source.branchName()), 15));
		header.append(accountType(source.accountType()));
		header.append(num(source.accountNumber(), 7));
		header.append(text("", 17));
		record(out, header, true);
		long sum = 0;
		for (Transfer t : transfers) {
			StringBuilder data = new StringBuilder(RECORD);
			data.append('2');
			data.append(num(t.bankCode(), 4));
			data.append(text(lenient(t.bankName()), 15));
			data.append(num(t.branchCode(), 3));
			data.append(text(lenient(t.branchName()), 15));
			data.append(text("", 4));
			data.append(accountType(t.accountType()));
			data.append(num(t.accountNumber(), 7));
			data.append(text(ZenginKana.convert(t.holderKana()), 30));
			data.append(num(Long.toString(t.amountYen()), 10));
			data.append('0');
			data.append(text(lenient(t.customerCode() == null ? "" : t.customerCode()), 10));
			data.append(text("", 10));
			data.append('7');
			data.append(' ');
			data.append(text("", 7));
			record(out, data, true);
			sum += t.amountYen();
		}
		StringBuilder trailer = new StringBuilder(RECORD);
		trailer.append('8').append(num(Integer.toString(transfers.size()), 6)).append(num(Long.toString(sum), 12));
		trailer.append(text("", 101));
		record(out, trailer, true);
		StringBuilder end = new StringBuilder(RECORD).append('9').append(text("", 119));
		record(out, end, false);
		return out.toByteArray();
	}

	private static void record(ByteArrayOutputStream out, CharSequence record, boolean crlf) {
		byte[] bytes = record.toString().getBytes(SJIS);
		if (bytes.length != RECORD) {
			throw new IllegalStateException("record of " + bytes.length + " bytes: " + record);
		}
		out.writeBytes(bytes);
		if (crlf) {
			out.writeBytes(new byte[] { '\r', '\n' });
		}
	}

	private static String lenient(String text) {
		try {
			return ZenginKana.convert(text);
		}
		catch (ZenginKana.Unconvertible ex) {
			return "";
		}
	}

	static char accountType(String type) {
		return switch (type) {
			case "CURRENT" -> '2';
			case "SAVINGS" -> '4';
			default -> '1';
		};
	}

	static String num(String digits, int width) {
		if (!digits.matches("[0-9]*") || digits.length() > width) {
			throw new IllegalArgumentException("not a number of " + width + " digits: " + digits);
		}
		return "0".repeat(width - digits.length()) + digits;
	}

	static String text(String text, int width) {
		String cut = text.length() > width ? text.substring(0, width) : text;
		return cut + " ".repeat(width - cut.length());
	}

}
