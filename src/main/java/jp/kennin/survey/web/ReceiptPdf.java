package jp.kennin.survey.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kennin.document.StoredDocument;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.PdfFlow;
import jp.kennin.roster.RelationshipLabels;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.internal.DocumentRequirements;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.tenant.Tenant;

import org.springframework.context.MessageSource;

/**
 * The member's copy (控え) of a submitted survey form as PDF, with the bundled IPAGothic
 * font embedded (subset) so Japanese prints on any machine: the insured person, each
 * dependent's answers, the documents by slot (with what the member said about missing
 * ones) and the insurer's desk to call.
 */
final class ReceiptPdf {

	private static final float TITLE = 16;

	private static final float HEADING = 12;

	private static final float BODY = 10;

	private ReceiptPdf() {
	}

	/**
	 * @param insuredName the insured person's name from the roster (empty if unknown)
	 * @param requirements the required documents with their files and the member's
	 * choices for missing ones
	 * @param files the household's documents (for 「その他の書類」 and files of slots no longer
	 * required)
	 * @param marks notes per document ID, e.g. 「提出後に追加（…）」 for files added since
	 * submission
	 * @param proxyChannel the channel when staff entered and submitted the form (代行入力),
	 * else null
	 */
	static byte[] render(MemberForm form, Tenant tenant, String insuredName,
			DocumentRequirements.Requirements requirements, List<StoredDocument> files, Map<Long, String> marks,
			ProxyChannel proxyChannel, MessageSource messages, Locale locale) throws IOException {
		try (PdfFlow pdf = new PdfFlow(PdfFlow.bundledFont(), msg(messages, locale, "survey.pdf.title"))) {
			pdf.paragraph(msg(messages, locale, "survey.pdf.title"), TITLE, true, 0);
			pdf.paragraph(tenant.name() + "　" + form.campaign().title(), BODY, false, 0);
			List<String[]> head = new ArrayList<>();
			head.add(row(msg(messages, locale, "survey.receipt.numberLabel"), form.form().receiptNumber()));
			head.add(row(msg(messages, locale, "survey.pdf.submittedAt"),
					DateStyle.WRITTEN_TIME_SECONDS.format(form.form().submittedAt(), locale)));
			head.add(row(msg(messages, locale, "survey.pdf.insured"), insuredName));
			head.add(row(msg(messages, locale, "survey.staff.col.kigoBango"),
					form.form().kigo() + " / " + form.form().bango()));
			if (proxyChannel != null) {
				head.add(row(msg(messages, locale, "survey.proxy.pdf.channel"),
						messages.getMessage("survey.proxy.short",
								new Object[] { msg(messages, locale, "survey.proxy.channel." + proxyChannel.name()) },
								locale)));
			}
			pdf.table(head, BODY);
			for (FormDependent d : form.dependents()) {
				pdf.paragraph(d.name() + "（" + RelationshipLabels.label(d.relationship(), messages, locale) + "）"
						+ DateStyle.DAY.format(d.birthDate(), locale), HEADING, true, 8);
				List<String[]> answers = new ArrayList<>();
				for (AnswerLines.Line line : AnswerLines.of(form.answers(d.id()), messages, locale)) {
					answers.add(row(line.label(), line.value()));
				}
				pdf.table(answers, BODY);
				pdf.paragraph(msg(messages, locale, "survey.pdf.documents"), BODY, false, 0);
				pdf.table(documents(d, requirements.of(d.id()), files, marks, messages, locale), BODY);
			}
			pdf.paragraph(msg(messages, locale, "survey.pdf.note"), BODY, false, 12);
			contact(pdf, tenant, messages, locale);
			return pdf.toBytes();
		}
	}

	/**
	 * One row per required document (its files, or 郵送 / 提出できない with the reason), then
	 * other files.
	 */
	private static List<String[]> documents(FormDependent d, List<DocumentRequirements.Requirement> required,
			List<StoredDocument> household, Map<Long, String> marks, MessageSource messages, Locale locale) {
		List<String[]> table = new ArrayList<>();
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
			table.add(row(r.document().displayName(locale), value));
		}
		List<StoredDocument> others = DocumentSlots.ofDependent(d, household)
			.stream()
			.filter(f -> !listed.contains(f))
			.toList();
		if (!others.isEmpty() || required.isEmpty()) {
			table.add(row(msg(messages, locale, "survey.documents.other"),
					others.isEmpty() ? msg(messages, locale, "survey.documents.none") : names(others, marks)));
		}
		return table;
	}

	private static void contact(PdfFlow pdf, Tenant tenant, MessageSource messages, Locale locale) throws IOException {
		pdf.paragraph(msg(messages, locale, "survey.pdf.contact"), HEADING, true, 12);
		pdf.paragraph(tenant.name(), BODY, false, 0);
		Tenant.SupportDesk desk = tenant.supportDesk();
		line(pdf, messages, locale, "survey.pdf.contact.name", desk.name());
		line(pdf, messages, locale, "survey.pdf.contact.phone", desk.phone());
		line(pdf, messages, locale, "survey.pdf.contact.hours", desk.hours());
		line(pdf, messages, locale, "survey.pdf.contact.email", desk.email());
		line(pdf, messages, locale, "survey.pdf.contact.url", desk.url());
		pdf.paragraph(msg(messages, locale, "survey.pdf.contact.note"), BODY, false, 0);
	}

	private static void line(PdfFlow pdf, MessageSource messages, Locale locale, String key, String value)
			throws IOException {
		if (value != null && !value.isBlank()) {
			pdf.paragraph(messages.getMessage(key, new Object[] { value }, locale), BODY, false, 0);
		}
	}

	private static String names(List<StoredDocument> files, Map<Long, String> marks) {
		return String.join("、",
				files.stream()
					.map(f -> f.originalName() + "（" + f.displaySize() + "）"
							+ (marks.containsKey(f.id()) ? " " + marks.get(f.id()) : ""))
					.toList());
	}

	private static String msg(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

	private static String[] row(String label, String value) {
		return new String[] { label, value };
	}

}
