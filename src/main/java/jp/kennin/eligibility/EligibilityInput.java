package jp.kennin.eligibility;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.kennin.roster.RelationshipCategory;

/**
 * One dependent's answers plus the roster facts the rules need. Amounts are yen per year
 * except the monthly remittance. Build it with {@link #builder()}; unanswered questions
 * stay null.
 *
 * @param relationshipWord the 続柄 as written on the roster (e.g. 義母), which tells a
 * spouse's parent (must live together) from one's own parent although both map to
 * {@link RelationshipCategory#PARENT}
 * @param insuredAnnualIncome the insured person's annual income if known, for the 同居
 * half-income test
 * @param insuredBirthDate if known: when the insured person turns 75 the dependents lose
 * eligibility too
 * @param campaignYear the year whose 31 December decides the 19–22 age band
 * @param referenceDate the date the rules are judged on (the campaign's 基準日 or today)
 * @param labourContract the 労働条件通知書 terms when the member says salary is the only income,
 * else null
 */
public record EligibilityInput(Continuation continuation, Living living, Long monthlyRemittance,
		RemittanceMethod remittanceMethod, Set<Occupation> occupations, String school, String grade,
		Map<IncomeKind, Long> income, boolean livesInJapan, AbroadException abroadException, boolean disabled,
		RelationshipCategory relationship, String relationshipWord, LocalDate birthDate, Long insuredAnnualIncome,
		LocalDate insuredBirthDate, int campaignYear, LocalDate referenceDate, LabourContract labourContract) {

	public EligibilityInput {
		Objects.requireNonNull(birthDate, "birthDate");
		Objects.requireNonNull(referenceDate, "referenceDate");
		continuation = continuation == null ? Continuation.CONTINUE : continuation;
		occupations = occupations == null || occupations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(occupations));
		income = income == null ? Map.of() : Map.copyOf(income);
	}

	/** The sum of every kind of income; missing kinds count as zero. */
	public long totalIncome() {
		return income.values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
	}

	public long income(IncomeKind kind) {
		Long value = income.get(kind);
		return value == null ? 0 : value;
	}

	public boolean has(Occupation occupation) {
		return occupations.contains(occupation);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Defaults: 継続, 同居, living in Japan, no disability, no income, the campaign year of
	 * the reference date.
	 */
	public static final class Builder {

		private Continuation continuation = Continuation.CONTINUE;

		private Living living = Living.TOGETHER;

		private Long monthlyRemittance;

		private RemittanceMethod remittanceMethod;

		private final Set<Occupation> occupations = EnumSet.noneOf(Occupation.class);

		private String school;

		private String grade;

		private final Map<IncomeKind, Long> income = new EnumMap<>(IncomeKind.class);

		private boolean livesInJapan = true;

		private AbroadException abroadException;

		private boolean disabled;

		private RelationshipCategory relationship = RelationshipCategory.CHILD;

		private String relationshipWord;

		private LocalDate birthDate;

		private Long insuredAnnualIncome;

		private LocalDate insuredBirthDate;

		private Integer campaignYear;

		private LocalDate referenceDate;

		private LabourContract labourContract;

		/** Salary is the only income and the 労働条件通知書 says these terms. */
		public Builder labourContract(LabourContract value) {
			this.labourContract = value;
			return this;
		}

		public Builder continuation(Continuation value) {
			this.continuation = value;
			return this;
		}

		public Builder livingTogether() {
			this.living = Living.TOGETHER;
			return this;
		}

		public Builder livingApart(Long monthlyRemittance, RemittanceMethod method) {
			this.living = Living.APART;
			this.monthlyRemittance = monthlyRemittance;
			this.remittanceMethod = method;
			return this;
		}

		public Builder living(Living value) {
			this.living = value;
			return this;
		}

		public Builder occupation(Occupation... values) {
			this.occupations.addAll(List.of(values));
			return this;
		}

		public Builder student(String school, String grade) {
			this.occupations.add(Occupation.STUDENT);
			this.school = school;
			this.grade = grade;
			return this;
		}

		public Builder income(IncomeKind kind, long yen) {
			this.income.put(kind, yen);
			return this;
		}

		public Builder abroad(AbroadException exception) {
			this.livesInJapan = false;
			this.abroadException = exception;
			return this;
		}

		public Builder disabled(boolean value) {
			this.disabled = value;
			return this;
		}

		public Builder relationship(RelationshipCategory category, String word) {
			this.relationship = category;
			this.relationshipWord = word;
			return this;
		}

		public Builder relationship(String word) {
			return relationship(RelationshipCategory.fromWord(word), word);
		}

		public Builder birthDate(LocalDate value) {
			this.birthDate = value;
			return this;
		}

		public Builder insuredAnnualIncome(Long yen) {
			this.insuredAnnualIncome = yen;
			return this;
		}

		public Builder insuredBirthDate(LocalDate value) {
			this.insuredBirthDate = value;
			return this;
		}

		public Builder campaignYear(int year) {
			this.campaignYear = year;
			return this;
		}

		public Builder referenceDate(LocalDate value) {
			this.referenceDate = value;
			return this;
		}

		public EligibilityInput build() {
			int year = campaignYear != null ? campaignYear
					: Objects.requireNonNull(referenceDate, "referenceDate").getYear();
			return new EligibilityInput(continuation, living, monthlyRemittance, remittanceMethod, occupations, school,
					grade, income, livesInJapan, abroadException, disabled, relationship, relationshipWord, birthDate,
					insuredAnnualIncome, insuredBirthDate, year, referenceDate, labourContract);
		}

	}

}
