package jp.kennin.subsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import jp.kennin.subsidy.SubsidyCalculator.Assessment;
import jp.kennin.subsidy.SubsidyCalculator.Claim;
import jp.kennin.subsidy.SubsidyCalculator.Person;
import jp.kennin.subsidy.SubsidyCalculator.PriorClaim;
import jp.kennin.subsidy.SubsidyRules.CapMode;
import jp.kennin.subsidy.SubsidyRules.Cutoff;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the rules and the claim: a claim never pays more than the cap, more than was
 * paid less the aid, or a negative amount; a person's claims of a year never add up to
 * more than a per-person cap; a refused claim pays nothing.
 */
class SubsidyCalculatorPropertyTests {

	@Property(tries = 2000)
	void a_claim_pays_between_nothing_and_the_lowest_limit(@ForAll("rules") SubsidyRules rules,
			@ForAll("people") Person person, @ForAll("claims") Claim claim) {
		Assessment a = SubsidyCalculator.assess(rules, person, claim, List.of(), LocalDate.of(2026, 12, 1));
		assertThat(a.amountYen()).isBetween(0, rules.capYen());
		int base = rules.aidDeducted() ? claim.paidYen() - claim.aidYen() : claim.paidYen();
		assertThat(a.amountYen()).isLessThanOrEqualTo(Math.max(0, base));
		if (!a.taken()) {
			assertThat(a.amountYen()).isZero();
		}
		else {
			assertThat(a.amountYen()).isPositive();
		}
	}

	@Property(tries = 1000)
	void a_persons_year_never_exceeds_a_per_person_cap(@ForAll("rules") SubsidyRules rules,
			@ForAll("people") Person person, @ForAll @IntRange(min = 1, max = 20000) int paid1,
			@ForAll @IntRange(min = 1, max = 20000) int paid2) {
		LocalDate today = LocalDate.of(2026, 12, 1);
		List<PriorClaim> prior = new ArrayList<>();
		int total = 0;
		int dose = 1;
		for (int paid : List.of(paid1, paid2)) {
			Claim claim = new Claim(LocalDate.of(2026, 10, 10 + dose), dose, paid, 0);
			Assessment a = SubsidyCalculator.assess(rules, person, claim, prior, today);
			if (a.taken()) {
				prior.add(new PriorClaim(dose, claim.shotDate(), a.amountYen()));
				total += a.amountYen();
			}
			dose++;
		}
		int doses = prior.size();
		int limit = rules.capMode() == CapMode.PER_PERSON ? rules.capYen() : rules.capYen() * Math.max(1, doses);
		assertThat(total).isLessThanOrEqualTo(limit);
	}

	@Provide
	Arbitrary<SubsidyRules> rules() {
		Arbitrary<CapMode> mode = Arbitraries.of(CapMode.class);
		Arbitrary<Integer> cap = Arbitraries.integers().between(1, 10000);
		Arbitrary<Integer> twoDoses = Arbitraries.integers().between(1, 20).injectNull(0.3);
		Arbitrary<Boolean> aid = Arbitraries.of(true, false);
		Arbitrary<Integer> age = Arbitraries.integers().between(1, 100).injectNull(0.5);
		return Combinators.combine(mode, cap, twoDoses, aid, age)
			.as((m, c, t, a, below) -> new SubsidyRules(2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31),
					LocalDate.of(2026, 10, 1), LocalDate.of(2027, 2, 28), true, true, below, null, m, c, t, a, "",
					PaymentRoute.PAYROLL, Cutoff.MONTHLY, 20));
	}

	@Provide
	Arbitrary<Person> people() {
		return Combinators
			.combine(Arbitraries.of(true, false),
					Arbitraries.integers().between(0, 365 * 90).map(d -> LocalDate.of(2026, 9, 1).minusDays(d)))
			.as(Person::new);
	}

	@Provide
	Arbitrary<Claim> claims() {
		return Combinators
			.combine(Arbitraries.integers().between(0, 90).map(d -> LocalDate.of(2026, 9, 20).plusDays(d)),
					Arbitraries.integers().between(0, 3), Arbitraries.integers().between(-100, 20000),
					Arbitraries.integers().between(-100, 20000))
			.as(Claim::new);
	}

}
