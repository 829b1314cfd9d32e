package jp.kennin.office.internal;

import java.util.Map;

import jp.kennin.roster.RosterOffices;
import jp.kennin.staff.OfficeCatalog;

import org.springframework.stereotype.Component;

/**
 * The staff pages pick an office contact's offices from the roster's offices; this module
 * knows both, so the staff module need not depend on the roster.
 */
@Component
class RosterOfficeCatalog implements OfficeCatalog {

	private final RosterOffices roster;

	RosterOfficeCatalog(RosterOffices roster) {
		this.roster = roster;
	}

	@Override
	public Map<String, String> offices(long tenantId) {
		return roster.offices(tenantId);
	}

}
