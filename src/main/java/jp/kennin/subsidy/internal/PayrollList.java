package jp.kennin.subsidy.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.kennin.platform.CsvCells;
import jp.kennin.subsidy.SubsidyPayments.BatchClaim;
import jp.kennin.subsidy.SubsidyPayments.OfficeTotal;

/**
 * 支給一覧 of a payroll batch, per office (事業所): one row per household (the insured person's
 * 記号・番号 and name, the claims of the household summed, each person with their amount in
 * 内訳), a subtotal row per office and a total row. The same rows go to a CSV in
 * Windows-31J (Excel in Japan opens it directly; a character it lacks becomes {@code ?})
 * and to an XLSX sheet. Columns are in {@link #COLUMNS}.
 */
final class PayrollList {

	/** The columns, in order; 区分 is 明細, 事業所計 or 合計. */
	static final List<String> COLUMNS = List.of("区分", "事業所コード", "事業所名", "記号", "番号", "被保険者氏名", "件数", "金額", "内訳");

	static final String LINE = "明細";

	static final String OFFICE_TOTAL = "事業所計";

	static final String TOTAL = "合計";

	static final Charset WINDOWS_31J = Charset.forName("Windows-31J");

	private PayrollList() {
	}

	/** One household's line. */
	record Household(String kigo, String bango, String insuredName, int claims, long totalYen,
			Map<String, Long> persons) {
	}

	/** One office with its households. */
	record Office(String code, String name, List<Household> households) {

		int claims() {
			return households.stream().mapToInt(Household::claims).sum();
		}

		long totalYen() {
			return households.stream().mapToLong(Household::totalYen).sum();
		}

		OfficeTotal total() {
			return new OfficeTotal(code, name, households.size(), claims(), totalYen());
		}

	}

	/** The claims (in the order of the batch: office, household, person) by office. */
	static List<Office> offices(List<BatchClaim> claims) {
		Map<String, List<BatchClaim>> byOffice = new LinkedHashMap<>();
		for (BatchClaim c : claims) {
			byOffice.computeIfAbsent(Objects.toString(c.officeCode(), ""), k -> new ArrayList<>()).add(c);
		}
		List<Office> out = new ArrayList<>();
		byOffice.forEach((code, list) -> {
			Map<String, List<BatchClaim>> byHousehold = new LinkedHashMap<>();
			list.forEach(
					c -> byHousehold.computeIfAbsent(c.kigo() + "\u0000" + c.bango(), k -> new ArrayList<>()).add(c));
			List<Household> households = new ArrayList<>();
			byHousehold.values().forEach(h -> {
				Map<String, Long> persons = new LinkedHashMap<>();
				h.forEach(c -> persons.merge(c.personName(), (long) c.amountYen(), Long::sum));
				BatchClaim first = h.get(0);
				households.add(new Household(first.kigo(), first.bango(), first.insuredName(), h.size(),
						h.stream().mapToLong(BatchClaim::amountYen).sum(), persons));
			});
			out.add(new Office(code, list.get(0).officeName(), households));
		});
		return out;
	}

	/** The rows as cells: texts and numbers. */
	static List<List<Object>> rows(List<Office> offices) {
		List<List<Object>> rows = new ArrayList<>();
		int claims = 0;
		long total = 0;
		for (Office o : offices) {
			for (Household h : o.households()) {
				rows.add(List.of(LINE, o.code(), text(o.name()), h.kigo(), h.bango(), text(h.insuredName()), h.claims(),
						h.totalYen(), breakdown(h.persons())));
			}
			rows.add(List.of(OFFICE_TOTAL, o.code(), text(o.name()), "", "", "", o.claims(), o.totalYen(), ""));
			claims += o.claims();
			total += o.totalYen();
		}
		rows.add(List.of(TOTAL, "", "", "", "", "", claims, total, ""));
		return rows;
	}

	static byte[] csv(List<Office> offices) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Writer writer = new OutputStreamWriter(out,
				WINDOWS_31J.newEncoder()
					.onUnmappableCharacter(CodingErrorAction.REPLACE)
					.replaceWith(new byte[] { '?' }));
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord(COLUMNS);
			for (List<Object> row : rows(offices)) {
				csv.printRecord(row.stream().map(CsvCells::safe).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] xlsx(List<Office> offices) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			SXSSFSheet sheet = workbook.createSheet("支給一覧");
			sheet.createFreezePane(0, 1);
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle headerStyle = workbook.createCellStyle();
			headerStyle.setFont(bold);
			CellStyle textStyle = workbook.createCellStyle();
			textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
			int[] widths = { 10, 12, 20, 8, 10, 20, 6, 10, 50 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			Row head = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(COLUMNS.get(i));
				cell.setCellStyle(headerStyle);
			}
			int next = 1;
			for (List<Object> cells : rows(offices)) {
				Row row = sheet.createRow(next++);
				for (int i = 0; i < cells.size(); i++) {
					Cell cell = row.createCell(i);
					if (cells.get(i) instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(cells.get(i).toString());
						cell.setCellStyle(textStyle);
					}
				}
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the bytes are written; nothing left to release
			}
		}
		return out.toByteArray();
	}

	/** 内訳: each person with their amount, e.g. {@code 審査　花子 2,000円、審査　太郎 1,500円}. */
	static String breakdown(Map<String, Long> persons) {
		NumberFormat yen = NumberFormat.getIntegerInstance(Locale.JAPAN);
		List<String> parts = new ArrayList<>();
		persons.forEach((name, amount) -> parts.add(text(name) + " " + yen.format(amount) + "円"));
		return String.join("、", parts);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
