package jp.kennin.subsidy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * The subsidy module's use cases for staff. Only the insurer's TENANT_ADMINs read and
 * change the rules; everyone else is refused (403) before anything is read.
 */
public interface Subsidies {

	/** The fiscal years the insurer has saved rules for, newest first. */
	List<Integer> years(StaffActor actor);

	/**
	 * A year's saved rules, or empty (the page then offers
	 * {@link SubsidyRules#suggested}).
	 */
	Optional<SubsidyRules> rules(StaffActor actor, int fiscalYear);

	/**
	 * Saves a year's rules and records what changed, in one transaction.
	 * @throws SubsidyRulesRejected if {@link SubsidyRules#problems()} finds any (the form
	 * shows them first)
	 */
	void saveRules(StaffActor actor, SubsidyRules rules);

	/** Rules that do not go together, by field. */
	class SubsidyRulesRejected extends RuntimeException {

		private final transient Map<String, String> problems;

		public SubsidyRulesRejected(Map<String, String> problems) {
			super("subsidy rules rejected: " + problems.keySet(), null, false, false);
			this.problems = Map.copyOf(problems);
		}

		public Map<String, String> problems() {
			return problems;
		}

	}

}
