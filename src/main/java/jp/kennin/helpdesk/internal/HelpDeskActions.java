package jp.kennin.helpdesk.internal;

import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

import jp.kennin.account.MemberAccounts;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The help-desk actions on an insured person's account, for the insurer's staff: which
 * ones the actor may take ({@link HelpDeskAction}), on a person of their own tenant. The
 * action and its single audit event (with the reason) are {@link MemberAccounts}', in
 * this transaction.
 */
@Service
@Transactional
public class HelpDeskActions {

	private final Roster roster;

	private final MemberAccounts accounts;

	HelpDeskActions(Roster roster, MemberAccounts accounts) {
		this.roster = roster;
		this.accounts = accounts;
	}

	/**
	 * Not an insured person of the actor's tenant (a dependent, another tenant's, or
	 * nobody).
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFound extends RuntimeException {

		NotFound() {
			super("no such insured person", null, false, false);
		}

	}

	/** The person and their account as the action's page shows them. */
	public record Subject(RosterPerson person, RegistrationStatus account, boolean applies) {
	}

	/** The actions the actor may take (the person detail offers only these). */
	@Transactional(readOnly = true)
	public Set<HelpDeskAction> allowed(StaffActor actor) {
		Set<HelpDeskAction> allowed = EnumSet.noneOf(HelpDeskAction.class);
		for (HelpDeskAction a : HelpDeskAction.values()) {
			if (a.allowedTo(actor)) {
				allowed.add(a);
			}
		}
		return allowed;
	}

	/**
	 * @throws AccessDeniedException when the actor may not take the action
	 * @throws NotFound for anyone but an insured person of the actor's tenant
	 */
	@Transactional(readOnly = true)
	public Subject subject(StaffActor actor, long personId, HelpDeskAction action) {
		long tenantId = check(actor, action);
		RosterPerson person = roster.findById(tenantId, personId)
			.filter(RosterPerson::insured)
			.orElseThrow(NotFound::new);
		RegistrationStatus status;
		try {
			status = accounts.status(tenantId, personId);
		}
		catch (NoSuchElementException ex) {
			throw new NotFound();
		}
		return new Subject(person, status, action.applies(status, person));
	}

	/**
	 * Takes the action with the reason staff gave.
	 * @param email the new address, for {@link HelpDeskAction#EMAIL} only
	 * @throws IllegalArgumentException for an invalid address
	 * @throws IllegalStateException when the account's state does not allow the action
	 * (any more)
	 */
	public void perform(StaffActor actor, long personId, HelpDeskAction action, String email, String reason) {
		long tenantId = check(actor, action);
		MemberAccounts.StaffActor by = new MemberAccounts.StaffActor(actor.loginId(), actor.role(), actor.ip(), reason);
		switch (action) {
			case UNLOCK -> accounts.unlock(tenantId, personId, by);
			case EMAIL -> accounts.changeEmail(tenantId, personId, email, by);
			case GUIDANCE -> accounts.resendSignupGuidance(tenantId, personId, by);
			case RESET -> accounts.reset(tenantId, personId, by);
		}
	}

	private static long check(StaffActor actor, HelpDeskAction action) {
		if (!action.allowedTo(actor)) {
			throw new AccessDeniedException(actor.role() + " may not " + action.getPath());
		}
		return actor.requireTenant();
	}

}
