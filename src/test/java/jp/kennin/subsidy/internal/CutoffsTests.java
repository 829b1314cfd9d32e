package jp.kennin.subsidy.internal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.Cutoff;

import static org.assertj.core.api.Assertions.assertThat;

/** Cut-off days: a day counts until its end, so the last one is always before today. */
class CutoffsTests {

	@Test
	void a_monthly_cut_off_is_the_day_of_the_month_and_today_is_not_over() {
		SubsidyRules monthly = rules(Cutoff.MONTHLY, 20);

		assertThat(Cutoffs.lastBefore(monthly, LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 10, 20));
		assertThat(Cutoffs.lastBefore(monthly, LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(Cutoffs.lastBefore(monthly, LocalDate.of(2027, 1, 5))).isEqualTo(LocalDate.of(2026, 12, 20));
		assertThat(Cutoffs.next(monthly, LocalDate.of(2026, 11, 20))).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(Cutoffs.next(monthly, LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 12, 20));
	}

	@Test
	void a_weekly_cut_off_is_the_day_of_the_week_from_monday_one_to_sunday_seven() {
		SubsidyRules fridays = rules(Cutoff.WEEKLY, 5);

		// Monday 16 November 2026
		assertThat(Cutoffs.lastBefore(fridays, LocalDate.of(2026, 11, 16))).isEqualTo(LocalDate.of(2026, 11, 13));
		assertThat(Cutoffs.lastBefore(fridays, LocalDate.of(2026, 11, 13))).isEqualTo(LocalDate.of(2026, 11, 6));
		assertThat(Cutoffs.next(fridays, LocalDate.of(2026, 11, 16))).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(Cutoffs.next(rules(Cutoff.WEEKLY, 7), LocalDate.of(2026, 11, 16)))
			.isEqualTo(LocalDate.of(2026, 11, 22));
	}

	private static SubsidyRules rules(Cutoff cutoff, int day) {
		SubsidyRules r = SubsidyRules.suggested(2026);
		return new SubsidyRules(r.fiscalYear(), r.shotFrom(), r.shotTo(), r.claimFrom(), r.claimTo(),
				r.insuredCovered(), r.dependentsCovered(), r.ageBelow(), r.dependentGradeMax(), r.capMode(), r.capYen(),
				r.twoDosesBelowAge(), r.aidDeducted(), r.exclusions(), r.paymentRoute(), cutoff, day);
	}

}
