package jp.kennin.notice;

/**
 * Audit event types written by the notice module ({@code audit_event.type} is the
 * constant's name). The target is {@code notice:<id>}; details: {@code scope}
 * ({@code site} or {@code tenant}).
 */
public enum NoticeAuditEvent {

	/** A notice was created, with its attachment if one was sent. */
	NOTICE_CREATED,
	/** A notice was edited (text, window or attachment). */
	NOTICE_UPDATED,
	/** A notice and its attachment were deleted. */
	NOTICE_DELETED

}
