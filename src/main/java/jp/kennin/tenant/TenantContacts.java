package jp.kennin.tenant;

import jp.kennin.platform.StaffActor;

/**
 * What an insurer tells its members about reaching it: the help desk (窓口名, phone, hours, mail, web page) and its
 * own words on where 記号・番号 are printed. Operators also set both in the insurer's settings form.
 */
public interface TenantContacts {

	/**
	 * Replaces the desk and the 記号・番号 wording (null or blank: none) of one insurer, audited as
	 * {@code TENANT_CONTACT_UPDATED}.
	 * @throws org.springframework.security.access.AccessDeniedException unless the editor is an operator or the
	 * insurer's own TENANT_ADMIN
	 */
	Tenant update(StaffActor editor, long tenantId, Tenant.SupportDesk desk, String memberNumberGuidance, String ip);

}
