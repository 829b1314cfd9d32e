package jp.kennin.staff;

/**
 * Audit event types written by the staff module ({@code audit_event.type} is the
 * constant's name). The target of each is {@code staff:<account id>}.
 */
public enum StaffAuditEvent {

	STAFF_LOGIN_SUCCEEDED, STAFF_LOGIN_FAILED, STAFF_TOTP_ENROLLED, STAFF_CREATED, STAFF_ENABLED, STAFF_DISABLED,
	STAFF_CREDENTIALS_RESET, STAFF_ROLE_CHANGED, STAFF_REMOVED, STAFF_PASSWORD_CHANGED, STAFF_PASSWORD_CHECK_FAILED,
	STAFF_LOCKED,
	/**
	 * The offices of an office contact changed: {@code from} and {@code to} are the
	 * comma-separated 事業所コード.
	 */
	STAFF_OFFICES_CHANGED,
	/**
	 * A session refused at a request: {@code reason} is {@code changed}, {@code idle} or
	 * {@code expired}.
	 */
	STAFF_SESSION_ENDED

}
