package jp.kennin.survey.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kennin.eligibility.RequiredDocument;
import jp.kennin.eligibility.Warning;
import jp.kennin.platform.CsvCells;
import jp.kennin.platform.JapanTime;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.ProxyChannel;
import jp.kennin.survey.SurveyStatus;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.internal.DocumentChoice;
import jp.kennin.survey.SurveyQuestion;
import jp.kennin.survey.SurveyStep;
import jp.kennin.survey.internal.MemberForm;
import jp.kennin.survey.internal.SurveyFormExport;

import org.springframework.context.MessageSource;

/**
 * One CSV row per dependent under survey, with the household's columns repeated, in
 * Windows-31J (what Excel in Japan opens directly) or UTF-8 with a BOM. Dates and times
 * are Japan time as yyyy/MM/dd (HH:mm:ss), which Excel reads as dates.
 */
final class SurveyFormCsv {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	/**
	 * The column for what members chose for each missing required document, e.g.
	 * 「源泉徴収票：郵送で提出／課税証明書：提出できない（理由：申請中のため）」.
	 */
	static final String MISSING_CHOICE = "不足書類の提出方法（郵送・提出できない理由）";

	/**
	 * How the latest submission arrived: Web (the member), or 紙・電話・窓口 when staff entered
	 * it (代行入力); empty for a form never submitted. Appended last so existing imports keep
	 * their columns.
	 */
	static final String CHANNEL = "受付経路";

	/**
	 * The household's and dependent's columns, the answers' (from
	 * {@link SurveyQuestion#csvColumns()}), the checks'.
	 */
	static final List<String> HEADER = Stream
		.of(List.of("受付番号", "状態", "提出日時", "記号", "番号", "被保険者氏名", "事業所コード", "事業所名", "被保険者の年間収入見込額", "枝番", "被扶養者氏名",
				"氏名カナ", "生年月日", "続柄"),
				SurveyQuestion.csvColumns().stream().map(SurveyQuestion.CsvColumn::header).toList(),
				List.of("回答済み", "書類不足", MISSING_CHOICE, "事前確認の注意"), List.of(CHANNEL))
		.flatMap(List::stream)
		.toList();

	/** Japan time in the form Excel reads as a date and time. */
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private SurveyFormCsv() {
	}

	static void write(SurveyFormExport.Forms forms, boolean utf8, MessageSource messages, OutputStream out)
			throws IOException {
		write(forms, Map.of(), false, Set.of(), utf8, messages, out);
	}

	/**
	 * @param channels the forms whose latest submission staff entered, with its channel
	 */
	static void write(SurveyFormExport.Forms forms, Map<Long, ProxyChannel> channels, boolean incomeHidden,
			Set<String> incomeWarnings, boolean utf8, MessageSource messages, OutputStream out) throws IOException {
		Charset charset = utf8 ? StandardCharsets.UTF_8 : WINDOWS_31J;
		if (utf8) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		Writer writer = new OutputStreamWriter(out,
				charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(new byte[] { '?' }));
		Function<Enum<?>, String> label = e -> e == null ? ""
				: messages.getMessage("survey.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
						e.name(), Locale.JAPANESE);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord(HEADER);
			forms.forEach(exported -> {
				MemberForm f = exported.form();
				for (FormDependent d : f.dependents()) {
					DependentAnswers a = f.answers(d.id());
					SurveyFormExport.DependentFacts facts = exported.facts(d.id());
					List<Object> row = new ArrayList<>();
					row.add(f.form().receiptNumber());
					row.add(messages.getMessage("survey.staff.status." + f.form().status(), null, Locale.JAPANESE));
					row.add(f.form().submittedAt() == null ? ""
							: DATE_TIME.format(JapanTime.of(f.form().submittedAt())));
					row.add(f.form().kigo());
					row.add(f.form().bango());
					row.add(exported.insuredName());
					row.add(f.form().officeCode());
					row.add(f.form().officeName());
					row.add(f.form().insuredIncome());
					row.add(d.edaban());
					row.add(d.name());
					row.add(d.nameKana());
					row.add(DATE.format(d.birthDate()));
					row.add(d.relationship());
					for (SurveyQuestion.CsvColumn column : SurveyQuestion.csvColumns()) {
						row.add(incomeHidden && incomeFigure(column) ? "" : cell(column, column.value(a), label));
					}
					row.add(a.completed() ? "済" : "");
					row.add(facts.missing()
						.stream()
						.map(RequiredDocument::displayName)
						.collect(Collectors.joining("、")));
					row.add(choices(facts.choices(), messages));
					row.add(facts.precheck() == null ? ""
							: facts.precheck()
								.warnings()
								.stream()
								.filter(w -> !incomeWarnings.contains(w.code()))
								.map(Warning::message)
								.collect(Collectors.joining("／")));
					row.add(channel(f, channels.get(f.form().id()), messages));
					csv.printRecord(row.stream().map(CsvCells::safe).toList());
				}
			});
		}
	}

	/**
	 * 「書類名：郵送で提出」 or 「書類名：提出できない（理由：…）」 per choice, joined with ／; the reason on one
	 * line.
	 */
	static String choices(List<DocumentChoice> choices, MessageSource messages) {
		return choices.stream()
			.map(c -> document(c.slot()) + "：" + (c.kind() == DocumentChoice.Kind.MAIL
					? messages.getMessage("survey.check.chosen.MAIL", null, Locale.JAPANESE)
					: messages.getMessage("survey.check.chosen.UNABLE",
							new Object[] { c.reason() == null ? "" : c.reason().replaceAll("\\s*\\R\\s*", " ") },
							Locale.JAPANESE)))
			.collect(Collectors.joining("／"));
	}

	private static String channel(MemberForm f, ProxyChannel channel, MessageSource messages) {
		boolean sent = f.form().status().handedIn() || f.form().status() == SurveyStatus.State.RETURNED;
		if (!sent) {
			return "";
		}
		return messages.getMessage("survey.proxy.channel." + (channel == null ? "WEB" : channel.name()), null,
				Locale.JAPANESE);
	}

	private static String document(String slot) {
		try {
			return RequiredDocument.valueOf(slot).displayName();
		}
		catch (IllegalArgumentException ex) {
			// A slot no rule knows any more (stored by an older version): its code is
			// better than nothing.
			return slot;
		}
	}

	/**
	 * One answer as a cell: choices by their Japanese label, dates as Excel reads them,
	 * amounts as numbers.
	 */
	/**
	 * The member's income and the labour contract's figures it is computed from: left out
	 * while blind double entry is on, so the reviewer cannot read them from the file
	 * before typing the certificate's figure.
	 */
	private static boolean incomeFigure(SurveyQuestion.CsvColumn column) {
		if (column.question() == null) {
			return true;
		}
		return column.question().step() == SurveyStep.INCOME && switch (column.question().kind()) {
			case YEN, HOURS, DAYS -> true;
			default -> false;
		};
	}

	private static Object cell(SurveyQuestion.CsvColumn column, Object value, Function<Enum<?>, String> label) {
		if (column.question() == null || value == null) {
			return value;
		}
		return switch (column.question().kind()) {
			case CHOICE -> label.apply((Enum<?>) value);
			case CHOICES ->
				((Set<?>) value).stream().map(e -> (Enum<?>) e).sorted().map(label).collect(Collectors.joining("・"));
			case DATE -> DATE.format((LocalDate) value);
			case YES_NO -> (Boolean) value ? "あり" : "なし";
			case FLAG -> (Boolean) value ? "はい" : "";
			case HOURS -> ((BigDecimal) value).toPlainString();
			case YEN, TEXT, DAYS -> value;
		};
	}

}
