package jp.kennin.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.kennin.eligibility.AbroadException;
import jp.kennin.eligibility.Continuation;
import jp.kennin.eligibility.LabourContract;
import jp.kennin.eligibility.Living;
import jp.kennin.eligibility.Occupation;
import jp.kennin.eligibility.RemittanceMethod;

/**
 * The member's answers for one dependent, one value per {@link SurveyQuestion}; null
 * where not answered yet. Rules read them through the typed accessors; the parser,
 * persistence and exports go through {@link #value(SurveyQuestion)} and
 * {@link #with(SurveyQuestion, Object)}. {@code version} increases with every save and
 * detects a save made meanwhile in another tab or on another device.
 */
public final class DependentAnswers {

	private final long dependentId;

	private final Map<SurveyQuestion, Object> values;

	private final boolean completed;

	private final int version;

	private DependentAnswers(long dependentId, Map<SurveyQuestion, Object> values, boolean completed, int version) {
		this.dependentId = dependentId;
		EnumMap<SurveyQuestion, Object> copy = new EnumMap<>(SurveyQuestion.class);
		values.forEach((q, v) -> {
			if (v != null) {
				copy.put(q, v);
			}
		});
		this.values = Collections.unmodifiableMap(copy);
		this.completed = completed;
		this.version = version;
	}

	public static DependentAnswers empty(long dependentId) {
		return new DependentAnswers(dependentId, Map.of(), false, 0);
	}

	/** Answers as stored (values by question; missing or null = not answered). */
	public static DependentAnswers of(long dependentId, Map<SurveyQuestion, Object> values, boolean completed,
			int version) {
		return new DependentAnswers(dependentId, values, completed, version);
	}

	public long dependentId() {
		return dependentId;
	}

	public boolean completed() {
		return completed;
	}

	public int version() {
		return version;
	}

	/**
	 * The answer to the question: an enum constant, a Set of them, Long yen, LocalDate,
	 * String, Boolean, BigDecimal hours or Integer days.
	 */
	public Object value(SurveyQuestion question) {
		Object v = values.get(question);
		if (v == null && question.kind() == SurveyQuestion.Kind.FLAG) {
			return Boolean.FALSE;
		}
		if (v == null && question.kind() == SurveyQuestion.Kind.CHOICES) {
			return Set.of();
		}
		return v;
	}

	/** The same answers with one changed (null clears it). */
	public DependentAnswers with(SurveyQuestion question, Object value) {
		EnumMap<SurveyQuestion, Object> changed = new EnumMap<>(SurveyQuestion.class);
		changed.putAll(values);
		changed.put(question, value instanceof Set<?> set ? Set.copyOf(set) : value);
		return new DependentAnswers(dependentId, changed, completed, version);
	}

	public DependentAnswers withCompleted(boolean value) {
		return new DependentAnswers(dependentId, values, value, version);
	}

	/**
	 * The same answers as read at another version (the one the member's page was rendered
	 * from).
	 */
	public DependentAnswers withVersion(int value) {
		return new DependentAnswers(dependentId, values, completed, value);
	}

	/**
	 * Whether the question is shown for these answers (its reveal condition holds, or it
	 * has none).
	 */
	public boolean shows(SurveyQuestion question) {
		SurveyQuestion.When when = question.revealedWhen();
		return when == null || (shows(SurveyQuestion.byKey(when.key())) && holds(when));
	}

	/**
	 * Whether the answer to {@code when.key()} is {@code when.value()} (or, for tick
	 * boxes, includes it).
	 */
	public boolean holds(SurveyQuestion.When when) {
		Object v = value(SurveyQuestion.byKey(when.key()));
		if (v instanceof Set<?> set) {
			return set.stream().anyMatch(x -> String.valueOf(x).equals(when.value()));
		}
		return v != null && String.valueOf(v).equals(when.value());
	}

	/**
	 * Only the first question matters when the dependent leaves (or is already leaving)
	 * the insurance.
	 */
	public boolean staying() {
		return continuation() == null || continuation() == Continuation.CONTINUE;
	}

	public long totalIncome() {
		return nz(incomeSalary()) + nz(incomePension()) + nz(incomeBusiness()) + nz(incomeUnemployment())
				+ nz(incomeOther());
	}

	/** Whether every question that applies has an answer. */
	public boolean answeredFully() {
		if (continuation() == null) {
			return false;
		}
		if (continuation() == Continuation.REMOVE) {
			return removalDate() != null && removalReason() != null;
		}
		if (continuation() == Continuation.IN_PROGRESS) {
			return true;
		}
		return living() != null
				&& (living() == Living.TOGETHER || (remittanceMonthly() != null && remittanceMethod() != null))
				&& !occupations().isEmpty() && residence() != null
				&& (residence() == Residence.DOMESTIC || abroadException() != null) && disabled() != null
				&& incomeSalary() != null && (!salaryOnly() || labourContract() != null);
	}

	public Continuation continuation() {
		return (Continuation) value(SurveyQuestion.CONTINUATION);
	}

	public LocalDate removalDate() {
		return (LocalDate) value(SurveyQuestion.REMOVAL_DATE);
	}

	public RemovalReason removalReason() {
		return (RemovalReason) value(SurveyQuestion.REMOVAL_REASON);
	}

	public String removalNote() {
		return (String) value(SurveyQuestion.REMOVAL_NOTE);
	}

	public Living living() {
		return (Living) value(SurveyQuestion.LIVING);
	}

	public String address() {
		return (String) value(SurveyQuestion.ADDRESS);
	}

	public Long remittanceMonthly() {
		return (Long) value(SurveyQuestion.REMITTANCE);
	}

	public RemittanceMethod remittanceMethod() {
		return (RemittanceMethod) value(SurveyQuestion.REMITTANCE_METHOD);
	}

	@SuppressWarnings("unchecked")
	public Set<Occupation> occupations() {
		return (Set<Occupation>) value(SurveyQuestion.OCCUPATIONS);
	}

	public String occupationNote() {
		return (String) value(SurveyQuestion.OCCUPATION_NOTE);
	}

	public String schoolName() {
		return (String) value(SurveyQuestion.SCHOOL_NAME);
	}

	public String schoolGrade() {
		return (String) value(SurveyQuestion.SCHOOL_GRADE);
	}

	public Long incomeSalary() {
		return (Long) value(SurveyQuestion.INCOME_SALARY);
	}

	public Long incomePension() {
		return (Long) value(SurveyQuestion.INCOME_PENSION);
	}

	public Long incomeBusiness() {
		return (Long) value(SurveyQuestion.INCOME_BUSINESS);
	}

	public Long incomeUnemployment() {
		return (Long) value(SurveyQuestion.INCOME_UNEMPLOYMENT);
	}

	public Long incomeOther() {
		return (Long) value(SurveyQuestion.INCOME_OTHER);
	}

	/**
	 * The member says salary is the dependent's only income and gives the labour
	 * contract's terms.
	 */
	public boolean salaryOnly() {
		return (Boolean) value(SurveyQuestion.SALARY_ONLY);
	}

	/**
	 * The 労働条件通知書 terms when salary is the only income and they are complete; else null.
	 */
	public LabourContract labourContract() {
		LabourContract.Kind kind = (LabourContract.Kind) value(SurveyQuestion.CONTRACT_WAGE_KIND);
		Long wage = (Long) value(SurveyQuestion.CONTRACT_WAGE);
		BigDecimal hours = (BigDecimal) value(SurveyQuestion.CONTRACT_HOURS_PER_DAY);
		Integer days = (Integer) value(SurveyQuestion.CONTRACT_DAYS_PER_WEEK);
		if (!salaryOnly() || kind == null || wage == null
				|| (kind == LabourContract.Kind.HOURLY && (hours == null || days == null))) {
			return null;
		}
		Long allowances = (Long) value(SurveyQuestion.CONTRACT_ALLOWANCES);
		return new LabourContract(kind, wage, kind == LabourContract.Kind.HOURLY ? hours : null,
				kind == LabourContract.Kind.HOURLY ? days : null, nz(allowances));
	}

	public Residence residence() {
		return (Residence) value(SurveyQuestion.RESIDENCE);
	}

	public AbroadException abroadException() {
		return (AbroadException) value(SurveyQuestion.ABROAD_EXCEPTION);
	}

	public String abroadNote() {
		return (String) value(SurveyQuestion.ABROAD_NOTE);
	}

	public Boolean disabled() {
		return (Boolean) value(SurveyQuestion.DISABLED);
	}

	public boolean rosterWrong() {
		return (Boolean) value(SurveyQuestion.ROSTER_WRONG);
	}

	public String rosterCorrection() {
		return (String) value(SurveyQuestion.ROSTER_CORRECTION);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof DependentAnswers a && a.dependentId == dependentId && a.completed == completed
				&& a.version == version && a.values.equals(values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(dependentId, values, completed, version);
	}

	@Override
	public String toString() {
		return "DependentAnswers[" + dependentId + ", v" + version + ", " + values + "]";
	}

	private static long nz(Long v) {
		return v == null ? 0 : v;
	}

	/** 削除の理由. */
	public enum RemovalReason {

		EMPLOYED, INCOME_INCREASE, MARRIED, MOVED_OUT, DIED, AGE_75, OTHER_INSURANCE, OTHER

	}

	/** 国内居住 or 海外居住. */
	public enum Residence {

		DOMESTIC, ABROAD

	}

}
