package jp.kennin.platform;

/**
 * A logged-in member with the account that acts: modules that keep per-account data of a
 * household (the subsidy's payee account, who sent a claim) read the account's id through
 * this, without knowing the account module's principal class.
 */
public interface MemberAccountPrincipal extends HouseholdScopedPrincipal {

	/** {@code member_account.id}. */
	long accountId();

}
