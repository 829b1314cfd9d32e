package jp.kennin.review.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import jp.kennin.platform.CsvCells;

/**
 * The export's file formats. A sheet is a header and rows of cells, each a text, a date
 * or a number (null is an empty cell).
 */
final class ReviewExportFiles {

	/** Dates as Excel reads them in a CSV. */
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	/** The byte order mark that tells Excel a CSV is UTF-8. */
	static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** Rows SXSSF keeps in memory; older rows go to a temporary file. */
	static final int XLSX_WINDOW = 200;

	private ReviewExportFiles() {
	}

	/** Receives a file's rows. */
	interface Sheet extends AutoCloseable {

		void row(List<?> cells);

		/** Writes what is left and closes; the output stream stays open. */
		@Override
		void close() throws IOException;

	}

	/**
	 * A CSV: CRLF line ends (Excel's), every text cell guarded against formulas
	 * ({@link CsvCells}); a character the charset lacks becomes {@code ?} rather than
	 * failing the whole export.
	 */
	static Sheet csv(OutputStream out, Charset charset, boolean bom, List<String> header) throws IOException {
		if (bom) {
			out.write(UTF8_BOM);
		}
		Writer writer = new OutputStreamWriter(out,
				charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] { '?' }));
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
		csv.printRecord(header);
		return new Sheet() {

			@Override
			public void row(List<?> cells) {
				try {
					csv.printRecord(cells.stream().map(ReviewExportFiles::csvCell).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void close() throws IOException {
				csv.flush();
			}

		};
	}

	/**
	 * An XLSX workbook of one sheet written with SXSSF: only {@link #XLSX_WINDOW} rows in
	 * memory, the header row bold and frozen, column widths from {@code widths} (in
	 * characters, set up front because a streamed sheet cannot measure its rows), dates
	 * as real dates shown yyyy/mm/dd. Text cells are strings, never formulas, so they
	 * need no escaping.
	 */
	static Sheet xlsx(OutputStream out, String sheetName, List<String> header, List<Integer> widths) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
		workbook.setCompressTempFiles(true);
		SXSSFSheet sheet = workbook.createSheet(sheetName);
		sheet.createFreezePane(0, 1);
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle headerStyle = workbook.createCellStyle();
		headerStyle.setFont(bold);
		CellStyle dateStyle = workbook.createCellStyle();
		dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/mm/dd"));
		CellStyle textStyle = workbook.createCellStyle();
		textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
		for (int i = 0; i < widths.size(); i++) {
			sheet.setColumnWidth(i, Math.min(255, widths.get(i)) * 256);
		}
		Row head = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(header.get(i));
			cell.setCellStyle(headerStyle);
		}
		return new Sheet() {

			private int next = 1;

			@Override
			public void row(List<?> cells) {
				Row row = sheet.createRow(next++);
				for (int i = 0; i < cells.size(); i++) {
					Object value = cells.get(i);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(i);
					if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (value instanceof Number number) {
						// Counts are numbers Excel can add up.
						cell.setCellValue(number.doubleValue());
					}
					else {
						cell.setCellValue(value.toString());
						cell.setCellStyle(textStyle);
					}
				}
			}

			@Override
			public void close() throws IOException {
				try {
					workbook.write(out);
				}
				finally {
					// close() leaves the temporary row files behind; dispose() deletes
					// them.
					workbook.dispose();
					workbook.close();
				}
			}

		};
	}

	private static String csvCell(Object value) {
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		return CsvCells.safe(value);
	}

}
