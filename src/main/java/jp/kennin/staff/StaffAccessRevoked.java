package jp.kennin.staff;

import jp.kennin.platform.StaffActor;

/**
 * A staff account lost the access it had: it was disabled, reset, given another role or
 * removed. Its sessions are already ended when this is published. Published inside the
 * transaction of the change and delivered to plain {@code @EventListener}s synchronously,
 * so whatever a module withdraws in turn (the roster module: the API tokens the account
 * created) commits or rolls back together with the change.
 *
 * @param loginId the account's login ID as stored (unique without case, never reused)
 * @param cause what happened to the account
 * @param actor who changed it
 * @param ip the client IP of who changed it
 */
public record StaffAccessRevoked(long staffId, String loginId, Long tenantId, StaffAuditEvent cause, StaffActor actor,
		String ip) {
}
