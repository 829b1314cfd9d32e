package jp.kennin.retention;

/**
 * Audit event types of the retention module ({@code audit_event.type} is the constant's
 * name).
 */
public enum RetentionAuditEvent {

	/**
	 * A TENANT_ADMIN changed the retention periods. Target {@code retention_settings};
	 * details: {@code documentYears.from}, {@code documentYears.to},
	 * {@code personalDataYears.from}, {@code personalDataYears.to}.
	 */
	RETENTION_SETTINGS_CHANGED,
	/**
	 * The retention job ran for an insurer (recorded on every run, also when nothing was
	 * due). Target {@code tenant:<id>}; details: the periods applied, the cut-off times
	 * and what was deleted: {@code documents}, {@code files}, {@code households},
	 * {@code persons}, {@code accounts}, {@code forms}, {@code mails}.
	 */
	RETENTION_RUN,
	/**
	 * A TENANT_ADMIN downloaded a household's data export (開示請求). Target
	 * {@code roster_person:<id>}; details: {@code kigo}, {@code bango}.
	 */
	MEMBER_DATA_EXPORTED

}
