package jp.kennin.subsidy.internal;

import java.time.LocalDate;

import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.SubsidyRules.PaymentRoute;

/** The suggested rules of fiscal year 2026 with one setting changed, for the tests. */
final class TestRules {

	private TestRules() {
	}

	/** Paid by {@code route}. */
	static SubsidyRules paidBy(PaymentRoute route) {
		SubsidyRules r = SubsidyRules.suggested(2026);
		return new SubsidyRules(r.fiscalYear(), r.shotFrom(), r.shotTo(), r.claimFrom(), r.claimTo(),
				r.insuredCovered(), r.dependentsCovered(), r.ageBelow(), r.dependentGradeMax(), r.capMode(), r.capYen(),
				r.twoDosesBelowAge(), r.aidDeducted(), r.exclusions(), route, r.cutoff(), r.cutoffDay());
	}

	/** Claims taken until {@code claimTo}. */
	static SubsidyRules claimsUntil(LocalDate claimTo) {
		SubsidyRules r = SubsidyRules.suggested(2026);
		return new SubsidyRules(r.fiscalYear(), r.shotFrom(), r.shotTo(), r.claimFrom(), claimTo, r.insuredCovered(),
				r.dependentsCovered(), r.ageBelow(), r.dependentGradeMax(), r.capMode(), r.capYen(),
				r.twoDosesBelowAge(), r.aidDeducted(), r.exclusions(), r.paymentRoute(), r.cutoff(), r.cutoffDay());
	}

}
