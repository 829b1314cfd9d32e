package jp.kennin.helpdesk.web;

import java.util.EnumSet;
import java.util.Set;

import jp.kennin.account.RegistrationStatus;
import jp.kennin.account.RegistrationStatus.State;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterPerson;

/**
 * The help-desk actions on an insured person's account. Reviewers answer the phone too, so they may lift
 * a lock and resend the guidance, which change nothing the member chose; changing the address and
 * resetting the account are for the tenant admin (also enforced in the staff security rules).
 */
public enum HelpDeskAction {

	UNLOCK("unlock", true, false, false), EMAIL("email", false, true, false), GUIDANCE("guidance", true, false, false),
	RESET("reset", false, false, true);

	final String path;

	final boolean reviewerMay;

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
	 * Whether the form asks for the new address: only changing it does. Every other action would ignore it, so
	 * showing it (required, even) would mislead the caller on the phone.
	 */
	public boolean isAsksEmail() {
		return asksEmail;
	}

	/** Whether the form asks for the confirmation tick: only the reset, which cannot be undone. */
	public boolean isAsksConfirmation() {
		return asksConfirmation;
	}

	static HelpDeskAction of(String path) {
		for (HelpDeskAction a : values()) {
			if (a.path.equals(path)) {
				return a;
			}
		}
		throw new IllegalArgumentException(path);
	}

	static Set<HelpDeskAction> allowedFor(StaffActor actor) {
		Set<HelpDeskAction> allowed = EnumSet.noneOf(HelpDeskAction.class);
		for (HelpDeskAction a : values()) {
			if (actor.tenantAdmin() || (StaffActor.REVIEWER.equals(actor.role()) && a.reviewerMay)) {
				allowed.add(a);
			}
		}
		return allowed;
	}

	/** Whether the action makes sense in the account's present state (the page offers only those). */
	public boolean applies(RegistrationStatus status, RosterPerson person) {
		return switch (this) {
			case UNLOCK -> status.state() == State.LOCKED;
			case EMAIL -> status.state() == State.REGISTERED || status.state() == State.LOCKED;
			case GUIDANCE -> status.state() == State.NOT_REGISTERED && person.email() != null && !person.email().isBlank();
			case RESET -> status.userId() != null;
		};
	}

}
