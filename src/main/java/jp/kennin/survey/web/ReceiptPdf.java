package jp.kennin.survey.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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

import jp.kennin.document.StoredDocument;
import jp.kennin.platform.DateStyle;
import jp.kennin.roster.RelationshipLabels;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.tenant.Tenant;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The member's copy (控え) of a submitted survey form as PDF, with the bundled IPAGothic font embedded
 * (subset) so Japanese prints on any machine: the insured person, each dependent's answers, the documents
 * by slot (with what the member said about missing ones) and the insurer's desk to call.
 */
final class ReceiptPdf {

	private static final String FONT = "fonts/ipag.ttf";

	/** Points around the text of every table cell (the default 2 pt runs text into the rules). */
	private static final float CELL_PADDING = 5;

	private static volatile byte[] fontBytes;

	private ReceiptPdf() {
	}

	/**
	 * @param insuredName the insured person's name from the roster (empty if unknown)
	 * @param requirements the required documents with their files and the member's choices for missing ones
	 * @param files the household's documents (for 「その他の書類」 and files of slots no longer required)
	 * @param marks notes per document ID, e.g. 「提出後に追加（…）」 for files added since submission
	 */
	static byte[] render(MemberForm form, Tenant tenant, String insuredName, DocumentRequirements.Requirements requirements,
			List<StoredDocument> files, java.util.Map<Long, String> marks, MessageSource messages, Locale locale)
			throws IOException {
		BaseFont base = BaseFont.createFont("ipag.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font(), null);
		Font title = new Font(base, 16, Font.BOLD);
		Font heading = new Font(base, 12, Font.BOLD);
		Font body = new Font(base, 10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		PdfWriter.getInstance(document, out);
		document.addTitle(msg(messages, locale, "survey.pdf.title"));
		document.open();
		document.add(new Paragraph(msg(messages, locale, "survey.pdf.title"), title));
		document.add(new Paragraph(tenant.name() + "　" + form.campaign().title(), body));
		PdfPTable head = table(body, 2);
		row(head, body, msg(messages, locale, "survey.receipt.numberLabel"), form.form().receiptNumber());
		row(head, body, msg(messages, locale, "survey.pdf.submittedAt"),
				DateStyle.WRITTEN_TIME_SECONDS.format(form.form().submittedAt(), locale));
		row(head, body, msg(messages, locale, "survey.pdf.insured"), insuredName);
		row(head, body, msg(messages, locale, "survey.staff.col.kigoBango"),
				form.form().kigo() + " / " + form.form().bango());
		document.add(head);
		for (FormDependent d : form.dependents()) {
			Paragraph name = new Paragraph(d.name() + "（" + RelationshipLabels.label(d.relationship(), messages, locale) + "）"
					+ DateStyle.DAY.format(d.birthDate(), locale), heading);
			name.setSpacingBefore(8);
			document.add(name);
			PdfPTable answers = table(body, 2);
			for (AnswerLines.Line line : AnswerLines.of(form.answers(d.id()), messages, locale)) {
				row(answers, body, line.label(), line.value());
			}
			document.add(answers);
			document.add(new Paragraph(msg(messages, locale, "survey.pdf.documents"), body));
			document.add(documents(d, requirements.of(d.id()), files, marks, body, messages, locale));
		}
		Paragraph note = new Paragraph(msg(messages, locale, "survey.pdf.note"), body);
		note.setSpacingBefore(12);
		document.add(note);
		document.add(contact(tenant, heading, body, messages, locale));
		document.close();
		return out.toByteArray();
	}

	/** One row per required document (its files, or 郵送 / 提出できない with the reason), then other files. */
	private static PdfPTable documents(FormDependent d, List<DocumentRequirements.Requirement> required,
			List<StoredDocument> household, java.util.Map<Long, String> marks, Font body, MessageSource messages,
			Locale locale) {
		PdfPTable table = table(body, 2);
		List<StoredDocument> listed = new ArrayList<>();
		for (DocumentRequirements.Requirement r : required) {
			listed.addAll(r.files());
			String value;
			if (!r.missing()) {
				value = names(r.files(), marks);
			}
			else if (r.byMail()) {
				value = msg(messages, locale, "survey.check.chosen.MAIL");
			}
			else if (r.unable()) {
				value = messages.getMessage("survey.check.chosen.UNABLE", new Object[] { r.choice().reason() }, locale);
			}
			else {
				value = msg(messages, locale, "survey.check.chosen.none");
			}
			row(table, body, r.document().displayName(locale), value);
		}
		List<StoredDocument> others = DocumentSlots.ofDependent(d, household)
			.stream()
			.filter(f -> !listed.contains(f))
			.toList();
		if (!others.isEmpty() || required.isEmpty()) {
			row(table, body, msg(messages, locale, "survey.documents.other"),
					others.isEmpty() ? msg(messages, locale, "survey.documents.none") : names(others, marks));
		}
		return table;
	}

	private static Paragraph contact(Tenant tenant, Font heading, Font body, MessageSource messages, Locale locale) {
		Paragraph contact = new Paragraph();
		contact.setSpacingBefore(12);
		contact.add(new Paragraph(msg(messages, locale, "survey.pdf.contact"), heading));
		contact.add(new Paragraph(tenant.name(), body));
		Tenant.SupportDesk desk = tenant.supportDesk();
		line(contact, body, messages, locale, "survey.pdf.contact.phone", desk.phone());
		line(contact, body, messages, locale, "survey.pdf.contact.hours", desk.hours());
		line(contact, body, messages, locale, "survey.pdf.contact.email", desk.email());
		line(contact, body, messages, locale, "survey.pdf.contact.url", desk.url());
		contact.add(new Paragraph(msg(messages, locale, "survey.pdf.contact.note"), body));
		return contact;
	}

	private static void line(Paragraph to, Font body, MessageSource messages, Locale locale, String key, String value) {
		if (value != null && !value.isBlank()) {
			to.add(new Paragraph(messages.getMessage(key, new Object[] { value }, locale), body));
		}
	}

	private static String names(List<StoredDocument> files, java.util.Map<Long, String> marks) {
		return String.join("、", files.stream()
			.map(f -> f.originalName() + "（" + f.displaySize() + "）" + (marks.containsKey(f.id()) ? " " + marks.get(f.id()) : ""))
			.toList());
	}

	private static String msg(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
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
		left.setPadding(CELL_PADDING);
		table.addCell(left);
		PdfPCell right = new PdfPCell(new Paragraph(value == null ? "" : value, font));
		right.setHorizontalAlignment(Element.ALIGN_LEFT);
		right.setPadding(CELL_PADDING);
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
