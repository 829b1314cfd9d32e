package jp.kennin.survey.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import jp.kennin.platform.JapanTime;
import jp.kennin.survey.DependentAnswers;
import jp.kennin.survey.FormDependent;
import jp.kennin.survey.internal.MemberForm;

import org.springframework.context.MessageSource;

/**
 * One CSV row per dependent under survey, with the household's columns repeated, in Windows-31J (what
 * Excel in Japan opens directly) or UTF-8 with a BOM.
 */
final class SurveyFormCsv {

	static final Charset WINDOWS_31J = Charset.forName("windows-31j");

	static final List<String> HEADER = List.of("受付番号", "状態", "提出日時", "記号", "番号", "事業所コード", "事業所名", "被保険者の年間収入見込額", "枝番",
			"被扶養者氏名", "氏名カナ", "生年月日", "続柄", "扶養の継続", "削除日", "削除理由", "同居・別居", "仕送り月額", "仕送り方法",
			"職業・状況", "学校名", "学年", "年間収入見込額", "給与", "年金", "事業", "雇用保険", "その他収入", "国内居住", "海外居住の理由",
			"障害", "登録内容の誤り", "回答済み");

	private SurveyFormCsv() {
	}

	static void write(List<MemberForm> forms, boolean utf8, MessageSource messages, OutputStream out)
			throws IOException {
		Charset charset = utf8 ? StandardCharsets.UTF_8 : WINDOWS_31J;
		if (utf8) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		}
		Writer writer = new OutputStreamWriter(out, charset.newEncoder()
			.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
			.replaceWith(new byte[] { '?' }));
		Function<Enum<?>, String> label = e -> e == null ? ""
				: messages.getMessage("survey.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
						e.name(), java.util.Locale.JAPANESE);
		try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
			csv.printRecord(HEADER);
			for (MemberForm f : forms) {
				for (FormDependent d : f.dependents()) {
					DependentAnswers a = f.answers(d.id());
					List<Object> row = new ArrayList<>();
					row.add(f.form().receiptNumber());
					row.add(messages.getMessage("survey.staff.status." + f.form().status(), null, java.util.Locale.JAPANESE));
					row.add(f.form().submittedAt() == null ? "" : JapanTime.formatDateTime(f.form().submittedAt()));
					row.add(f.form().kigo());
					row.add(f.form().bango());
					row.add(f.form().officeCode());
					row.add(f.form().officeName());
					row.add(f.form().insuredIncome());
					row.add(d.edaban());
					row.add(d.name());
					row.add(d.nameKana());
					row.add(d.birthDate());
					row.add(d.relationship());
					row.add(label.apply(a.continuation()));
					row.add(a.removalDate());
					row.add(label.apply(a.removalReason()));
					row.add(label.apply(a.living()));
					row.add(a.remittanceMonthly());
					row.add(label.apply(a.remittanceMethod()));
					row.add(a.occupations().stream().sorted().map(label).collect(Collectors.joining("・")));
					row.add(a.schoolName());
					row.add(a.schoolGrade());
					row.add(a.incomeSalary() == null ? null : a.totalIncome());
					row.add(a.incomeSalary());
					row.add(a.incomePension());
					row.add(a.incomeBusiness());
					row.add(a.incomeUnemployment());
					row.add(a.incomeOther());
					row.add(label.apply(a.residence()));
					row.add(label.apply(a.abroadException()));
					row.add(a.disabled() == null ? "" : a.disabled() ? "あり" : "なし");
					row.add(a.rosterWrong() ? a.rosterCorrection() : "");
					row.add(a.completed() ? "済" : "");
					csv.printRecord(row.stream().map(CsvCells::safe).toList());
				}
			}
		}
	}


}
