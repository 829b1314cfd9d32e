package jp.kennin.account;

import java.util.Collection;
import java.util.Map;

import jp.kennin.roster.RosterDirectory;

/**
 * Registration states for lists of roster people, read in one query instead of one call
 * per row.
 */
public interface RegistrationStatuses {

	/**
	 * The state of each given insured person of the tenant; IDs of other tenants are left
	 * out.
	 */
	Map<Long, RegistrationStatus.State> states(long tenantId, Collection<Long> rosterPersonIds);

	/**
	 * The addresses mail goes to for each given insured person of the tenant: the
	 * account's registered address where the person has an active account, else the
	 * roster's address; people with neither are left out.
	 */
	Map<Long, String> mailAddresses(long tenantId, Collection<Long> rosterPersonIds);

	/** A roster search condition keeping only people in the given state. */
	RosterDirectory.Condition having(RegistrationStatus.State state);

}
