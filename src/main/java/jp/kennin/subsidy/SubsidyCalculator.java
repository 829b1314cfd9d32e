package jp.kennin.subsidy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * Applies a year's {@link SubsidyRules} to one claim for one person: whether it may be
 * taken, and how much it pays. The same calculation shows the member the amount before
 * sending and decides the claim when staff approve it, so the two cannot differ. Pure:
 * the caller reads the person, the person's earlier claims and today's Japan date.
 */
public final class SubsidyCalculator {

	private SubsidyCalculator() {
	}

	/**
	 * The person the claim is for, as the roster has them.
	 *
	 * @param insured the insured person (本人, 任意継続 included), else a dependent
	 */
	public record Person(boolean insured, LocalDate birthDate) {
	}

	/**
	 * One dose claimed: the shot date, which dose (1 or 2), what was paid at the clinic
	 * and any aid received for it (municipal, company), in yen.
	 */
	public record Claim(LocalDate shotDate, int dose, int paidYen, int aidYen) {
	}

	/**
	 * An earlier claim of the same person in the same fiscal year that still counts (not
	 * rejected, not withdrawn).
	 */
	public record PriorClaim(int dose, LocalDate shotDate, int amountYen) {
	}

	/**
	 * @param amountYen what the claim pays (0 when refused)
	 * @param refusal why the claim is not taken, a message key of the subsidy bundle, or
	 * null
	 * @param dosesAllowed doses the person may claim this year
	 * @param remainingYen what the person may still receive this year after this claim
	 */
	public record Assessment(int amountYen, String refusal, int dosesAllowed, int remainingYen) {

		public boolean taken() {
			return refusal == null;
		}

	}

	/**
	 * @param today the Japan date the claim is made (the claim window is checked against
	 * it)
	 */
	public static Assessment assess(SubsidyRules rules, Person person, Claim claim, List<PriorClaim> prior,
			LocalDate today) {
		int doses = dosesAllowed(rules, person, claim.shotDate());
		int remaining = remainingYen(rules, doses, prior);
		String refusal = refusal(rules, person, claim, prior, today, doses, remaining);
		if (refusal != null) {
			return new Assessment(0, refusal, doses, remaining);
		}
		int base = rules.aidDeducted() ? claim.paidYen() - claim.aidYen() : claim.paidYen();
		int amount = Math.min(base, rules.capMode() == SubsidyRules.CapMode.PER_PERSON ? remaining : rules.capYen());
		return new Assessment(amount, null, doses, remaining - amount);
	}

	private static String refusal(SubsidyRules rules, Person person, Claim claim, List<PriorClaim> prior,
			LocalDate today, int doses, int remaining) {
		if (today.isBefore(rules.claimFrom()) || today.isAfter(rules.claimTo())) {
			return "subsidy.refusal.claimWindow";
		}
		if (claim.shotDate().isAfter(today)) {
			return "subsidy.refusal.shotInFuture";
		}
		if (claim.shotDate().isBefore(rules.shotFrom()) || claim.shotDate().isAfter(rules.shotTo())) {
			return "subsidy.refusal.shotWindow";
		}
		String notCovered = coverageRefusal(rules, person, claim.shotDate());
		if (notCovered != null) {
			return notCovered;
		}
		if (claim.dose() < 1 || claim.dose() > doses) {
			return "subsidy.refusal.dose";
		}
		if (prior.stream().anyMatch(p -> p.dose() == claim.dose())) {
			return "subsidy.refusal.duplicateDose";
		}
		if (prior.stream().anyMatch(p -> p.shotDate().equals(claim.shotDate()))) {
			return "subsidy.refusal.duplicateDate";
		}
		if (claim.paidYen() <= 0 || claim.aidYen() < 0) {
			return "subsidy.refusal.amount";
		}
		if (rules.aidDeducted() && claim.aidYen() >= claim.paidYen()) {
			return "subsidy.refusal.coveredByAid";
		}
		if (remaining <= 0) {
			return "subsidy.refusal.capReached";
		}
		return null;
	}

	/**
	 * Why the person is not covered on a shot date (who is covered, age, school grade),
	 * as a message key, or null. The member's page asks this for the day a shot would be
	 * given; the claim itself is judged on its shot date.
	 */
	public static String coverageRefusal(SubsidyRules rules, Person person, LocalDate shotDate) {
		if (person.insured() ? !rules.insuredCovered() : !rules.dependentsCovered()) {
			return person.insured() ? "subsidy.refusal.insuredNotCovered" : "subsidy.refusal.dependentsNotCovered";
		}
		if (rules.ageBelow() != null && age(person.birthDate(), shotDate) >= rules.ageBelow()) {
			return "subsidy.refusal.age";
		}
		if (!person.insured() && rules.dependentGradeMax() != null
				&& schoolGrade(person.birthDate(), shotDate) > rules.dependentGradeMax()) {
			return "subsidy.refusal.grade";
		}
		return null;
	}

	/**
	 * The doses the person may claim for a shot on that date (two below the age rule).
	 */
	public static int dosesAllowed(SubsidyRules rules, Person person, LocalDate shotDate) {
		return rules.twoDosesBelowAge() != null && age(person.birthDate(), shotDate) < rules.twoDosesBelowAge() ? 2 : 1;
	}

	/**
	 * What the person may still receive this fiscal year, before the next claim: the cap
	 * less what the counting claims pay (per person), or the cap for each dose not yet
	 * claimed (per dose).
	 */
	public static int remainingYen(SubsidyRules rules, int dosesAllowed, List<PriorClaim> prior) {
		int received = prior.stream().mapToInt(PriorClaim::amountYen).sum();
		return rules.capMode() == SubsidyRules.CapMode.PER_PERSON ? Math.max(0, rules.capYen() - received)
				: rules.capYen() * Math.max(0, dosesAllowed - prior.size());
	}

	/** Age in whole years on a date (a birthday counts from the day itself). */
	public static int age(LocalDate birthDate, LocalDate on) {
		return Period.between(birthDate, on).getYears();
	}

	/**
	 * The school grade (学年) a child is in on a date, counting elementary school's first
	 * grade as 1 and years before school as 0 or less. A Japanese school year starts on 1
	 * April; children born from 2 April to 1 April of the next year are in the same
	 * grade, so a child born on 1 April enters school a year before one born the next
	 * day.
	 */
	public static int schoolGrade(LocalDate birthDate, LocalDate on) {
		boolean afterFirstApril = birthDate.getMonthValue() > 4
				|| birthDate.getMonthValue() == 4 && birthDate.getDayOfMonth() >= 2;
		int entryYear = birthDate.getYear() + 6 + (afterFirstApril ? 1 : 0);
		return SubsidyRules.fiscalYearOf(on) - entryYear + 1;
	}

}
