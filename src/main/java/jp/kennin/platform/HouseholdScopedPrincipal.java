package jp.kennin.platform;

/**
 * A logged-in member acts for one household: the insured person's 記号 and 番号 within a
 * tenant. Modules that hold a household's data (survey answers, documents) check
 * ownership through this, so they need not know the account module's principal class.
 */
public interface HouseholdScopedPrincipal extends TenantScopedPrincipal {

	/** 記号 of the insured person's card. */
	String kigo();

	/** 番号 of the insured person's card. */
	String bango();

}
