package jp.kennin.tenant;

import java.util.Optional;

import jp.kennin.platform.StaffActor;

/**
 * What an insurer tells its members about reaching it: the help desk (窓口名, phone, hours,
 * mail, web page) and its own words on where 記号・番号 are printed. Operators also set both
 * in the insurer's settings form.
 */
public interface TenantContacts {

	/**
	 * Replaces the desk and the 記号・番号 wording (null or blank: none) of one insurer,
	 * audited as {@code TENANT_CONTACT_UPDATED}.
	 * @throws org.springframework.security.access.AccessDeniedException unless the editor
	 * is an operator or the insurer's own TENANT_ADMIN
	 */
	Tenant update(StaffActor editor, long tenantId, Tenant.SupportDesk desk, String memberNumberGuidance);

	/**
	 * The editor's own insurer, for its contact settings page; empty for operators, who
	 * use the insurer form.
	 * @throws org.springframework.security.access.AccessDeniedException unless the editor
	 * is the insurer's own TENANT_ADMIN
	 */
	Optional<Tenant> own(StaffActor editor);

	/**
	 * The page's save with the insurer's mails per minute (0 = unlimited; null keeps it),
	 * one transaction and one {@code TENANT_CONTACT_UPDATED} record with the new rate.
	 */
	Tenant update(StaffActor editor, long tenantId, Tenant.SupportDesk desk, String memberNumberGuidance,
			Integer mailsPerMinute);

	/** The insurer's mails per minute, as the outbox dispatcher reads it. */
	int mailsPerMinute(StaffActor editor, long tenantId);

}
