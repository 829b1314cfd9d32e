package jp.kennin.roster;

/**
 * Audit event types written by the roster module ({@code audit_event.type} is the
 * constant's name).
 */
public enum RosterAuditEvent {

	/** A roster file was applied. Target {@code roster_import:<id>}. */
	ROSTER_IMPORTED,
	/** A roster file was refused for its errors. Target {@code roster_import:<id>}. */
	ROSTER_IMPORT_REJECTED,
	/**
	 * An API token was created (its value is never recorded). Target
	 * {@code roster_api_token:<id>}; details: {@code name}.
	 */
	ROSTER_API_TOKEN_CREATED,
	/**
	 * An API token was revoked, by an admin or because its creator lost access. Target
	 * {@code roster_api_token:<id>}; details: {@code reason}, {@code createdBy} for the
	 * latter.
	 */
	ROSTER_API_TOKEN_REVOKED

}
