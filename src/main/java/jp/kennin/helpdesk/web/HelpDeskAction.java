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

	UNLOCK("unlock", true), EMAIL("email", false), GUIDANCE("guidance", true), RESET("reset", false);

	final String path;

	final boolean reviewerMay;

	HelpDeskAction(String path, boolean reviewerMay) {
		this.path = path;
		this.reviewerMay = reviewerMay;
	}

	public String getPath() {
		return path;
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
