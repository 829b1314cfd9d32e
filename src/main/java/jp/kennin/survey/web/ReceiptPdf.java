package jp.kennin.survey.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import jp.kennin.platform.JapanTime;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.internal.MemberForm;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The member's copy (控え) of a submitted survey form as PDF, with the bundled IPAGothic font embedded
 * (subset) so Japanese prints on any machine.
 */
final class ReceiptPdf {

	private static final String FONT = "fonts/ipag.ttf";

	private static volatile byte[] fontBytes;

	private ReceiptPdf() {
	}

	static byte[] render(MemberForm form, String tenantName, java.util.List<jp.kennin.document.StoredDocument> files,
			MessageSource messages, Locale locale) throws IOException {
		BaseFont base = BaseFont.createFont("ipag.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null);
		Font title = new Font(base, 16, Font.BOLD);
		Font heading = new Font(base, 12, Font.BOLD);
		Font body = new Font(base, 10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter.getInstance(document, out);
		document.addTitle(messages.getMessage("survey.pdf.title", null, locale));
		document.open();
		document.add(new Paragraph(messages.getMessage("survey.pdf.title", null, locale), title));
		document.add(new Paragraph(tenantName + "　" + form.campaign().title(), body));
		PdfPTable head = table(body, 2);
		row(head, body, messages.getMessage("survey.receipt.numberLabel", null, locale), form.form().receiptNumber());
		row(head, body, messages.getMessage("survey.pdf.submittedAt", null, locale),
				form.form().submittedAt() == null ? "" : JapanTime.formatDateTime(form.form().submittedAt()));
		row(head, body, messages.getMessage("survey.staff.col.kigoBango", null, locale),
				form.form().kigo() + " / " + form.form().bango());
		document.add(head);
		for (FormDependent d : form.dependents()) {
			document.add(new Paragraph(d.name() + "（" + d.relationship() + "）" + JapanTime.formatDate(d.birthDate()),
					heading));
			PdfPTable answers = table(body, 2);
			for (AnswerLines.Line line : AnswerLines.of(form.answers(d.id()), messages, locale)) {
				row(answers, body, line.label(), line.value());
			}
			document.add(answers);
			var own = DocumentSlots.ofDependent(d, files);
			Paragraph list = new Paragraph(messages.getMessage("survey.documents.uploaded", null, locale) + "："
					+ (own.isEmpty() ? messages.getMessage("survey.documents.none", null, locale)
							: String.join("、", own.stream().map(f -> f.originalName() + "（" + f.displaySize() + "）").toList())),
					body);
			document.add(list);
		}
		Paragraph note = new Paragraph(messages.getMessage("survey.pdf.note", null, locale), body);
		note.setSpacingBefore(12);
		document.add(note);
		document.close();
		return out.toByteArray();
	}

	private static PdfPTable table(Font font, int columns) {
		PdfPTable table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		table.setSpacingAfter(6);
		try {
			table.setWidths(new float[] { 1, 2 });
		}
		catch (com.lowagie.text.DocumentException ex) {
			throw new IllegalStateException(ex);
		}
		return table;
	}

	private static void row(PdfPTable table, Font font, String label, String value) {
		PdfPCell left = new PdfPCell(new Paragraph(label, font));
		left.setGrayFill(0.93f);
		table.addCell(left);
		PdfPCell right = new PdfPCell(new Paragraph(value == null ? "" : value, font));
		right.setHorizontalAlignment(Element.ALIGN_LEFT);
		table.addCell(right);
	}

	private static byte[] font() throws IOException {
		byte[] bytes = fontBytes;
		if (bytes == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				bytes = in.readAllBytes();
			}
			fontBytes = bytes;
		}
		return bytes;
	}

}
