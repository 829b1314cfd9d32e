package jp.kennin.roster;

import java.util.List;
import java.util.Optional;

/**
 * Reading the roster. Every lookup is scoped by tenant.
 */
public interface Roster {

	Optional<RosterPerson> findById(long tenantId, long id);

	/** The insured person (本人, 枝番 00) of a household, active or not. */
	Optional<RosterPerson> findInsured(long tenantId, String kigo, String bango);

	/** The insured person first, then the dependents by 枝番. */
	List<RosterPerson> household(long tenantId, String kigo, String bango);

	/**
	 * Adds or updates people by their key (tenant, 記号, 番号, 枝番). The {@code id} and
	 * {@code tenantId} of the given records are ignored.
	 */
	void upsert(long tenantId, List<RosterPerson> people);

}
