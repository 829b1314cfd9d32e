package jp.kennin.terms;

/**
 * Audit event types written by the terms module ({@code audit_event.type} is the
 * constant's name).
 */
public enum TermsAuditEvent {

	/**
	 * An operator published a new version. Target {@code terms_version:<n>}; details:
	 * {@code title}.
	 */
	TERMS_PUBLISHED

}
