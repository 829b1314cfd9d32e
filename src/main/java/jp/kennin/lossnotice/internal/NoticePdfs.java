package jp.kennin.lossnotice.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.kennin.lossnotice.NoticeKind;
import jp.kennin.lossnotice.NoticeSettings;
import jp.kennin.platform.DateStyle;
import jp.kennin.platform.PdfFlow;
import jp.kennin.roster.RelationshipLabels;
import jp.kennin.tenant.Tenant;

import org.springframework.context.MessageSource;

/**
 * Draws the two documents of a removed dependent onto a {@link PdfFlow}. Both are always
 * Japanese whatever the member's language: the certificate goes to a municipality's desk,
 * and the notice names the same procedures.
 */
final class NoticePdfs {

	private static final Locale JA = Locale.JAPANESE;

	private static final float TITLE = 16;

	private static final float HEADING = 12;

	private static final float BODY = 10;

	private static final float SEAL = 60;

	private final MessageSource messages;

	private final Tenant tenant;

	private final NoticeSettings settings;

	private final LocalDate issued;

	NoticePdfs(MessageSource messages, Tenant tenant, NoticeSettings settings, LocalDate issued) {
		this.messages = messages;
		this.tenant = tenant;
		this.settings = settings;
		this.issued = issued;
	}

	/** A PDF holding one document. */
	byte[] render(FinalRemoval r, NoticeKind kind) throws IOException {
		try (PdfFlow pdf = new PdfFlow(PdfFlow.bundledFont(), kind.title())) {
			draw(pdf, r, kind);
			return pdf.toBytes();
		}
	}

	/** One document, from the top of the current page. */
	void draw(PdfFlow pdf, FinalRemoval r, NoticeKind kind) throws IOException {
		if (kind == NoticeKind.NOTICE) {
			notice(pdf, r);
		}
		else {
			certificate(pdf, r);
		}
	}

	private void notice(PdfFlow pdf, FinalRemoval r) throws IOException {
		pdf.paragraph(msg("notice.pdf.issued", day(issued)), BODY, false, 0);
		pdf.paragraph(msg("notice.pdf.addressee", nz(r.insuredName())), HEADING, false, 8);
		pdf.paragraph(msg("notice.pdf.kigoBango", r.kigo(), r.bango()), BODY, false, 0);
		pdf.paragraph(tenant.name(), BODY, false, 0);
		pdf.paragraph(NoticeKind.NOTICE.title(), TITLE, true, 16);
		pdf.paragraph(msg("notice.pdf.notice.body", r.campaignTitle(), day(r.lossDate())), BODY, false, 8);
		List<String[]> rows = new ArrayList<>();
		rows.add(row("notice.pdf.col.dependent", r.name()));
		rows.add(row("notice.pdf.col.birthDate", day(r.birthDate())));
		rows.add(row("notice.pdf.col.relationship", RelationshipLabels.label(r.relationship(), messages, JA)));
		rows.add(row("notice.pdf.col.lossDate", day(r.lossDate())));
		rows.add(row("notice.pdf.col.reason", reason(r)));
		pdf.table(rows, BODY);
		pdf.paragraph(msg("notice.pdf.next.heading"), HEADING, true, 8);
		pdf.paragraph(msg("notice.pdf.next.card", tenant.name()), BODY, false, 4);
		pdf.paragraph(msg("notice.pdf.next.kokuho"), BODY, false, 4);
		pdf.paragraph(msg("notice.pdf.next.treatment", tenant.name()), BODY, false, 4);
		pdf.rule();
		contact(pdf);
	}

	private void certificate(PdfFlow pdf, FinalRemoval r) throws IOException {
		pdf.paragraph(NoticeKind.CERTIFICATE.title(), TITLE, true, 0);
		List<String[]> rows = new ArrayList<>();
		rows.add(row("notice.pdf.cert.insurerName", tenant.name()));
		rows.add(row("notice.pdf.cert.insurerNumber", nz(settings.insurerNumber())));
		rows.add(row("notice.pdf.cert.insured", nz(r.insuredName())));
		rows.add(row("notice.pdf.cert.kigoBango", r.kigo() + "・" + r.bango()));
		rows.add(row("notice.pdf.cert.dependent", r.name()));
		rows.add(row("notice.pdf.cert.kana", r.nameKana()));
		rows.add(row("notice.pdf.cert.birthDate", day(r.birthDate())));
		rows.add(row("notice.pdf.cert.relationship", RelationshipLabels.label(r.relationship(), messages, JA)));
		if (r.qualifiedOn() != null) {
			rows.add(row("notice.pdf.cert.qualifiedOn", day(r.qualifiedOn())));
		}
		rows.add(row("notice.pdf.cert.lossDate", day(r.lossDate())));
		rows.add(row("notice.pdf.cert.reason", reason(r)));
		pdf.table(rows, BODY);
		pdf.paragraph(msg("notice.pdf.cert.statement"), BODY, false, 8);
		pdf.paragraph(msg("notice.pdf.cert.issued", day(issued)), BODY, false, 12);
		pdf.paragraph(msg("notice.pdf.cert.issuer"), BODY, false, 12);
		if (settings.insurerAddress() != null && !settings.insurerAddress().isBlank()) {
			pdf.paragraph(settings.insurerAddress(), BODY, false, 0);
		}
		pdf.paragraph(tenant.name(), HEADING, false, 0);
		pdf.sealBox(msg("notice.pdf.cert.seal"), SEAL, BODY);
	}

	private void contact(PdfFlow pdf) throws IOException {
		pdf.paragraph(msg("survey.pdf.contact"), HEADING, true, 8);
		pdf.paragraph(tenant.name(), BODY, false, 0);
		Tenant.SupportDesk desk = tenant.supportDesk();
		line(pdf, "survey.pdf.contact.name", desk.name());
		line(pdf, "survey.pdf.contact.phone", desk.phone());
		line(pdf, "survey.pdf.contact.hours", desk.hours());
		line(pdf, "survey.pdf.contact.email", desk.email());
		pdf.paragraph(msg("notice.pdf.contact.note"), BODY, false, 0);
	}

	private void line(PdfFlow pdf, String key, String value) throws IOException {
		if (value != null && !value.isBlank()) {
			pdf.paragraph(msg(key, value), BODY, false, 0);
		}
	}

	private String reason(FinalRemoval r) {
		return r.reason() == null ? "" : msg("review.lossReason." + r.reason().name());
	}

	private String[] row(String key, String value) {
		return new String[] { msg(key), value };
	}

	private static String day(LocalDate date) {
		return DateStyle.DAY.format(date, JA);
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private String msg(String key, Object... args) {
		return messages.getMessage(key, args, JA);
	}

}
