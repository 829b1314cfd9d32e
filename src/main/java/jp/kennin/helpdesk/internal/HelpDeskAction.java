package jp.kennin.helpdesk.internal;

import jp.kennin.account.RegistrationStatus;
import jp.kennin.account.RegistrationStatus.State;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterPerson;

/**
 * The help-desk actions on an insured person's account. Reviewers answer the phone too,
 * so they may lift a lock and resend the guidance, which change nothing the member chose;
 * changing the address and resetting the account are for the tenant admin
 * ({@link HelpDeskActions} enforces it).
 */
public enum HelpDeskAction {

	UNLOCK("unlock", true, false, false), EMAIL("email", false, true, false), GUIDANCE("guidance", true, false, false),
	RESET("reset", false, false, true);

	private final String path;

	private final boolean reviewerMay;

	private final boolean asksEmail;

	private final boolean asksConfirmation;

	HelpDeskAction(String path, boolean reviewerMay, boolean asksEmail, boolean asksConfirmation) {
		this.path = path;
		this.reviewerMay = reviewerMay;
		this.asksEmail = asksEmail;
		this.asksConfirmation = asksConfirmation;
	}

	public String getPath() {
		return path;
	}

	/**
	 * Whether the form asks for the new address: only changing it does. Every other
	 * action would ignore it, so showing it (required, even) would mislead the caller on
	 * the phone.
	 */
	public boolean isAsksEmail() {
		return asksEmail;
	}

	/**
	 * Whether the form asks for the confirmation tick: only the reset, which cannot be
	 * undone.
	 */
	public boolean isAsksConfirmation() {
		return asksConfirmation;
	}

	public static HelpDeskAction of(String path) {
		for (HelpDeskAction a : values()) {
			if (a.path.equals(path)) {
				return a;
			}
		}
		throw new IllegalArgumentException(path);
	}

	/** Whether a staff member in this role may take the action. */
	boolean allowedTo(StaffActor actor) {
		return actor.has(StaffActor.TENANT_ADMIN) || (reviewerMay && actor.has(StaffActor.REVIEWER));
	}

	/**
	 * Whether the action makes sense in the account's present state (the page offers only
	 * those).
	 */
	public boolean applies(RegistrationStatus status, RosterPerson person) {
		return switch (this) {
			case UNLOCK -> status.state() == State.LOCKED;
			case EMAIL -> status.state() == State.REGISTERED || status.state() == State.LOCKED;
			case GUIDANCE ->
				status.state() == State.NOT_REGISTERED && person.email() != null && !person.email().isBlank();
			case RESET -> status.userId() != null;
		};
	}

}
