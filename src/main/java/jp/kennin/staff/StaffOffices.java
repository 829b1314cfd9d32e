package jp.kennin.staff;

import java.util.Set;

import jp.kennin.platform.StaffActor;

/**
 * The offices (事業所コード) an office contact ({@link StaffRole#OFFICE_CONTACT}) is bound to.
 * Read fresh at every request, so a TENANT_ADMIN narrowing them takes effect at once.
 */
public interface StaffOffices {

	/**
	 * The office codes of the logged-in office contact, sorted; empty for every other
	 * role and for an account that is disabled, removed or no longer of the actor's
	 * tenant.
	 */
	Set<String> of(StaffActor actor);

}
