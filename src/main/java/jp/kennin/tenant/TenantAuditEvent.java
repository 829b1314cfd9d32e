package jp.kennin.tenant;

/**
 * Audit event types written by the tenant module ({@code audit_event.type} is the
 * constant's name); the target of each is {@code tenant:<id>}.
 */
public enum TenantAuditEvent {

	/** An operator created an insurer. Details: {@code code}. */
	TENANT_CREATED,
	/** An operator changed an insurer's settings. Details: {@code code}. */
	TENANT_UPDATED,
	/** The manual or FAQ page was saved. */
	TENANT_PAGE_UPDATED,
	/** A PDF was added to the manual or FAQ page. */
	TENANT_FILE_ADDED,
	/** A PDF was removed from the manual or FAQ page. */
	TENANT_FILE_DELETED,
	/**
	 * The help desk or the 記号・番号 wording for members was changed. Details: {@code code}.
	 */
	TENANT_CONTACT_UPDATED

}
