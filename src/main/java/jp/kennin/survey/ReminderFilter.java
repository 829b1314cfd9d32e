package jp.kennin.survey;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which households a reminder reaches: office codes (empty for all offices), the
 * households' states (empty for every state that is reminded), and registered or not
 * (null for both). Staff pick one office or all; an office contact's reminder goes to
 * every office of theirs at once.
 */
public record ReminderFilter(Set<String> officeCodes, Set<HouseholdState> states, Boolean registered) {

	public static final ReminderFilter ALL = new ReminderFilter(Set.of(), Set.of(), null);

	public ReminderFilter {
		officeCodes = officeCodes == null ? Set.of()
				: officeCodes.stream()
					.filter(code -> code != null && !code.isBlank())
					.map(String::strip)
					.collect(Collectors.toUnmodifiableSet());
		states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
	}

	/** One office (null or blank: all). */
	public ReminderFilter(String officeCode, Set<HouseholdState> states, Boolean registered) {
		this(officeCode == null ? Set.of() : Set.of(officeCode), states, registered);
	}

	/** The office if the filter names exactly one, else null (all, or several). */
	public String officeCode() {
		return officeCodes.size() == 1 ? officeCodes.iterator().next() : null;
	}

	/** The office codes sorted and comma-separated, blank for all (for the audit log). */
	public String officeList() {
		return officeCodes.stream().sorted().collect(Collectors.joining(","));
	}

	/** The states a reminder goes to, as staff see them. */
	public enum HouseholdState {

		/** 未登録: no account yet (the form is not started). */
		UNREGISTERED,
		/** 未作成: an account, the form not started. */
		NOT_STARTED,
		/** 作成中 */
		IN_PROGRESS,
		/** 差し戻し, not yet resubmitted. */
		RETURNED

	}

}
