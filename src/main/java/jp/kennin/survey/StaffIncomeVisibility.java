package jp.kennin.survey;

import java.util.Set;

/**
 * Which dependents' income figures the survey module's staff pages must not show yet:
 * under the review module's blind double entry (issue 12, screen 7) the member's figure
 * stays hidden until a reviewer has entered the one read on the certificate, on every
 * staff page, not only the review screen. Implemented by the review module, which depends
 * on this one; without an implementation nothing is hidden.
 */
public interface StaffIncomeVisibility {

	/** Nothing hidden (no review module, or its setting off). */
	StaffIncomeVisibility NONE = new StaffIncomeVisibility() {

		@Override
		public Set<Long> hiddenIncome(long tenantId, long formId) {
			return Set.of();
		}

		@Override
		public Set<String> incomeWarnings() {
			return Set.of();
		}

		@Override
		public boolean blindEntryOn(long tenantId) {
			return false;
		}

	};

	/**
	 * The dependents of the form whose member figure is hidden now; empty when the
	 * insurer's setting is off. Another tenant's form has none.
	 */
	Set<Long> hiddenIncome(long tenantId, long formId);

	/**
	 * Pre-check warning codes that compare the income with a limit and so would hint at a
	 * hidden figure.
	 */
	Set<String> incomeWarnings();

	/**
	 * Whether the insurer's blind double entry is on: then a list of many forms (the
	 * forms CSV) leaves every member income figure out, rather than working out per
	 * dependent which have been entered.
	 */
	boolean blindEntryOn(long tenantId);

}
