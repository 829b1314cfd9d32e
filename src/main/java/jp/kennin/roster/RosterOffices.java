package jp.kennin.roster;

import java.util.Map;

/**
 * The offices (事業所) on an insurer's roster, as its CSV names them: the distinct 事業所コード of
 * the active insured persons with a name for each.
 */
public interface RosterOffices {

	/** Code → name (where rows spell a name differently, the greatest), by code. */
	Map<String, String> offices(long tenantId);

}
