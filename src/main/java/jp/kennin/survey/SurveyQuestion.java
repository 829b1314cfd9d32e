package jp.kennin.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.LabourContract;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;

/**
 * The survey's questions, each described once: its key (the form field and the answer's
 * name), the step (page) it is asked on, its kind, the values it may take, its label
 * (message key), whether and when it must be answered, when it is shown (revealed by
 * another answer), its column in {@code survey_answer} and its CSV header. The form
 * binding, the parser, the persistence mapping, the check page's extra rows and the CSV
 * columns are derived from this list; the pre-check and the required documents read
 * answers through the typed accessors of {@link DependentAnswers}. See
 * docs/adding-a-question.md.
 *
 * <p>
 * A question hidden by its reveal condition has no answer (null, or false for a tick
 * box): the parser drops what was typed into it, so a changed choice never leaves a stale
 * value behind.
 */
public enum SurveyQuestion {

	CONTINUATION(Q.of("continuation", SurveyStep.CONTINUATION, Kind.CHOICE, "扶養の継続")
		.values(Continuation.class)
		.required("survey.form.error.continuationRequired")),
	REMOVAL_DATE(Q.of("removalDate", SurveyStep.CONTINUATION, Kind.DATE, "削除日")
		.required("survey.form.error.removalDateRequired")
		.when("continuation", "REMOVE")),
	REMOVAL_REASON(Q.of("removalReason", SurveyStep.CONTINUATION, Kind.CHOICE, "削除理由")
		.values(DependentAnswers.RemovalReason.class)
		.required("survey.form.error.removalReasonRequired")
		.when("continuation", "REMOVE")),
	REMOVAL_NOTE(Q.of("removalNote", SurveyStep.CONTINUATION, Kind.TEXT, "削除理由の詳細")
		.max(200)
		.when("continuation", "REMOVE")
		.requiredWhen("removalReason", "OTHER", "survey.form.error.removalNoteRequired")),
	ROSTER_WRONG(Q.of("rosterWrong", SurveyStep.CONTINUATION, Kind.FLAG, "登録内容の誤りあり")),
	ROSTER_CORRECTION(Q.of("rosterCorrection", SurveyStep.CONTINUATION, Kind.TEXT, "登録内容の誤り")
		.max(500)
		.required("survey.form.error.rosterCorrectionRequired")
		.when("rosterWrong", "true")),
	LIVING(Q.of("living", SurveyStep.LIVING, Kind.CHOICE, "同居・別居")
		.values(Living.class)
		.required("survey.form.error.livingRequired")),
	ADDRESS(Q.of("address", SurveyStep.LIVING, Kind.TEXT, "別居先の住所")
		.max(300)
		.required("survey.form.error.addressRequired")
		.when("living", "APART")),
	REMITTANCE(Q.of("remittance", SurveyStep.LIVING, Kind.YEN, "仕送り月額")
		.column("remittance_monthly")
		.required("survey.form.error.amountRequired")
		.when("living", "APART")),
	REMITTANCE_METHOD(Q.of("remittanceMethod", SurveyStep.LIVING, Kind.CHOICE, "仕送り方法")
		.values(RemittanceMethod.class)
		.required("survey.form.error.remittanceMethodRequired")
		.when("living", "APART")),
	OCCUPATIONS(Q.of("occupations", SurveyStep.OCCUPATION, Kind.CHOICES, "職業・状況")
		.values(Occupation.class)
		.label("survey.q.occupation")
		.required("survey.form.error.occupationRequired")),
	SCHOOL_NAME(Q.of("schoolName", SurveyStep.OCCUPATION, Kind.TEXT, "学校名")
		.max(100)
		.required("survey.form.error.schoolRequired")
		.when("occupations", "STUDENT")),
	SCHOOL_GRADE(Q.of("schoolGrade", SurveyStep.OCCUPATION, Kind.TEXT, "学年").max(20).when("occupations", "STUDENT")),
	OCCUPATION_NOTE(Q.of("occupationNote", SurveyStep.OCCUPATION, Kind.TEXT, "職業・状況（その他の内容）")
		.max(200)
		.required("survey.form.error.occupationNoteRequired")
		.when("occupations", "OTHER")),
	INCOME_SALARY(Q.of("incomeSalary", SurveyStep.INCOME, Kind.YEN, "給与").zeroWhenBlank()),
	INCOME_PENSION(Q.of("incomePension", SurveyStep.INCOME, Kind.YEN, "年金").zeroWhenBlank()),
	INCOME_BUSINESS(Q.of("incomeBusiness", SurveyStep.INCOME, Kind.YEN, "事業").zeroWhenBlank()),
	INCOME_UNEMPLOYMENT(Q.of("incomeUnemployment", SurveyStep.INCOME, Kind.YEN, "雇用保険").zeroWhenBlank()),
	INCOME_OTHER(Q.of("incomeOther", SurveyStep.INCOME, Kind.YEN, "その他収入").zeroWhenBlank()),
	/** 給与収入のみ, judged from the labour contract (保保発1001第3号, from 2026-04-01). */
	SALARY_ONLY(Q.of("salaryOnly", SurveyStep.INCOME, Kind.FLAG, "給与収入のみ（労働条件通知書で判定）").listed()),
	CONTRACT_WAGE_KIND(Q.of("contractWageKind", SurveyStep.INCOME, Kind.CHOICE, "労働条件通知書：賃金の形態")
		.values(LabourContract.Kind.class)
		.required("survey.form.error.contractWageKindRequired")
		.when("salaryOnly", "true")
		.listed()),
	CONTRACT_WAGE(Q.of("contractWage", SurveyStep.INCOME, Kind.YEN, "労働条件通知書：時給または月給")
		.required("survey.form.error.amountRequired")
		.when("salaryOnly", "true")
		.listed()),
	CONTRACT_HOURS_PER_DAY(Q.of("contractHoursPerDay", SurveyStep.INCOME, Kind.HOURS, "労働条件通知書：1日の労働時間")
		.required("survey.form.error.contractHoursRequired")
		.when("contractWageKind", "HOURLY")
		.listed()),
	CONTRACT_DAYS_PER_WEEK(Q.of("contractDaysPerWeek", SurveyStep.INCOME, Kind.DAYS, "労働条件通知書：週の労働日数")
		.required("survey.form.error.contractDaysRequired")
		.when("contractWageKind", "HOURLY")
		.listed()),
	CONTRACT_ALLOWANCES(Q.of("contractAllowances", SurveyStep.INCOME, Kind.YEN, "労働条件通知書：手当（月額）")
		.zeroWhenBlank()
		.when("salaryOnly", "true")
		.listed()),
	RESIDENCE(Q.of("residence", SurveyStep.RESIDENCE, Kind.CHOICE, "国内居住")
		.values(DependentAnswers.Residence.class)
		.required("survey.form.error.residenceRequired")),
	ABROAD_EXCEPTION(Q.of("abroadException", SurveyStep.RESIDENCE, Kind.CHOICE, "海外居住の理由")
		.values(AbroadException.class)
		.required("survey.form.error.abroadExceptionRequired")
		.when("residence", "ABROAD")),
	ABROAD_NOTE(Q.of("abroadNote", SurveyStep.RESIDENCE, Kind.TEXT, "海外居住の補足").max(200).when("residence", "ABROAD")),
	DISABLED(Q.of("disabled", SurveyStep.DISABILITY, Kind.YES_NO, "障害")
		.label("survey.q.disability")
		.required("survey.form.error.disabledRequired"));

	/** How a question is typed, stored and shown. */
	public enum Kind {

		/** One of {@code values} (radio buttons); stored as the constant's name. */
		CHOICE,
		/**
		 * Any number of {@code values} (tick boxes); stored as names joined by commas.
		 */
		CHOICES,
		/**
		 * An amount in yen, typed as 120000, 12万 or with full-width digits and commas.
		 */
		YEN,
		/**
		 * A date typed in three boxes named {@code <prefix>Year}, {@code Month} and
		 * {@code Day}.
		 */
		DATE,
		/** Free text, trimmed and normalised (NFKC), at most {@code max} characters. */
		TEXT,
		/** ある/ない (radio buttons yes/no); null until answered. */
		YES_NO,
		/** A tick box: false unless ticked. */
		FLAG,
		/** Hours with up to two decimals, more than 0 and at most 24. */
		HOURS,
		/** Whole days a week, 1 to 7. */
		DAYS

	}

	/**
	 * Shown (and answered) only while the question {@code key} has {@code value} (or, for
	 * tick boxes, contains it).
	 */
	public record When(String key, String value) {
	}

	private final Q q;

	SurveyQuestion(Q q) {
		this.q = q;
	}

	/** The form field (and answer) name, e.g. {@code remittanceMethod}. */
	public String key() {
		return q.key;
	}

	public SurveyStep step() {
		return q.step;
	}

	public Kind kind() {
		return q.kind;
	}

	/**
	 * The choices of a {@link Kind#CHOICE} or {@link Kind#CHOICES} question, in display
	 * order; else empty.
	 */
	public List<? extends Enum<?>> choices() {
		return q.values == null ? List.of() : Arrays.asList(q.values.getEnumConstants());
	}

	public Class<? extends Enum<?>> valueType() {
		return q.values;
	}

	/**
	 * The column in {@code survey_answer}: the key in snake case unless named otherwise.
	 */
	public String column() {
		return q.column != null ? q.column : q.key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

	public String csvHeader() {
		return q.csvHeader;
	}

	/**
	 * The question's label on the form and the check page: {@code survey.q.<key>} unless
	 * named otherwise.
	 */
	public String labelKey() {
		return q.label != null ? q.label : "survey.q." + q.key;
	}

	/**
	 * The message when a shown question is left unanswered, or null when it may stay
	 * empty.
	 */
	public String requiredMessage() {
		return q.required;
	}

	/**
	 * A condition under which an otherwise optional question must be answered (with its
	 * message), or null.
	 */
	public When requiredWhen() {
		return q.requiredWhen;
	}

	public String requiredWhenMessage() {
		return q.requiredWhenMessage;
	}

	/** The condition under which the question is shown, or null when it always is. */
	public When revealedWhen() {
		return q.when;
	}

	public int maxLength() {
		return q.max;
	}

	/** An amount left empty counts as 0 yen. */
	public boolean zeroWhenBlank() {
		return q.zeroWhenBlank;
	}

	/**
	 * Shown as a row of its own on the check page and the PDF copy (newer questions; the
	 * others are summarised by hand).
	 */
	public boolean listed() {
		return q.listed;
	}

	/**
	 * One answer column of the forms CSV: a question's, or (question null) the total of
	 * the income amounts, which staff sort and filter by.
	 */
	public record CsvColumn(String header, SurveyQuestion question) {

		public Object value(DependentAnswers a) {
			if (question == null) {
				return a.incomeSalary() == null ? null : a.totalIncome();
			}
			return a.value(question);
		}

	}

	/**
	 * The CSV's answer columns in order: every question's, the total income just before
	 * its parts.
	 */
	public static List<CsvColumn> csvColumns() {
		List<CsvColumn> columns = new ArrayList<>();
		for (SurveyQuestion x : values()) {
			if (x == INCOME_SALARY) {
				columns.add(new CsvColumn("年間収入見込額", null));
			}
			columns.add(new CsvColumn(x.csvHeader(), x));
		}
		return List.copyOf(columns);
	}

	/** The questions of one step, in the order they are asked. */
	public static List<SurveyQuestion> of(SurveyStep step) {
		return Arrays.stream(values()).filter(x -> x.step() == step).toList();
	}

	public static SurveyQuestion byKey(String key) {
		for (SurveyQuestion x : values()) {
			if (x.key().equals(key)) {
				return x;
			}
		}
		throw new IllegalArgumentException("no survey question " + key);
	}

	/**
	 * The mutable description each constant is built from (enum constructors take it in
	 * one argument).
	 */
	private static final class Q {

		private final String key;

		private final SurveyStep step;

		private final Kind kind;

		private final String csvHeader;

		private Class<? extends Enum<?>> values;

		private String column;

		private String label;

		private String required;

		private When requiredWhen;

		private String requiredWhenMessage;

		private When when;

		private int max = 200;

		private boolean zeroWhenBlank;

		private boolean listed;

		private Q(String key, SurveyStep step, Kind kind, String csvHeader) {
			this.key = key;
			this.step = step;
			this.kind = kind;
			this.csvHeader = csvHeader;
		}

		static Q of(String key, SurveyStep step, Kind kind, String csvHeader) {
			return new Q(key, step, kind, csvHeader);
		}

		Q values(Class<? extends Enum<?>> type) {
			this.values = type;
			return this;
		}

		Q column(String name) {
			this.column = name;
			return this;
		}

		Q label(String key) {
			this.label = key;
			return this;
		}

		Q required(String message) {
			this.required = message;
			return this;
		}

		Q requiredWhen(String key, String value, String message) {
			this.requiredWhen = new When(key, value);
			this.requiredWhenMessage = message;
			return this;
		}

		Q when(String key, String value) {
			this.when = new When(key, value);
			return this;
		}

		Q max(int length) {
			this.max = length;
			return this;
		}

		Q zeroWhenBlank() {
			this.zeroWhenBlank = true;
			return this;
		}

		Q listed() {
			this.listed = true;
			return this;
		}

	}

}
