package jp.kennin.audit;

/**
 * Audit event types written by the audit module itself ({@code audit_event.type} is the
 * constant's name).
 */
public enum AuditAuditEvent {

	/**
	 * Staff downloaded the audit log as CSV. No target; details: the filter
	 * ({@code from}, {@code until}, {@code actor}, {@code target}).
	 */
	AUDIT_LOG_EXPORTED

}
