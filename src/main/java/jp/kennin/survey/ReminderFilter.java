package jp.kennin.survey;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which households a staff member's reminder reaches: an office code (null for all), the
 * households' states (empty for every state that is reminded), and registered or not
 * (null for both).
 */
public record ReminderFilter(String officeCode, Set<HouseholdState> states, Boolean registered) {

	public static final ReminderFilter ALL = new ReminderFilter(null, Set.of(), null);

	public ReminderFilter {
		officeCode = officeCode == null || officeCode.isBlank() ? null : officeCode.strip();
		states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
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
