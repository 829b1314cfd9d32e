package jp.kennin.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded event.
 *
 * @param type what happened, e.g. {@code LOGIN_FAILED}; modules define their own
 * constants
 * @param tenantId the tenant concerned, null for site-wide events
 * @param actorKind MEMBER, STAFF, SYSTEM or ANONYMOUS
 * @param actorId the account ID or login ID of who acted (never a password or code)
 * @param actorRole the staff role, if any
 * @param target what was acted on, e.g. {@code roster_person:42}
 * @param ip the client IP
 * @param details extra, non-secret facts
 */
public record AuditEntry(long id, Instant at, String type, Long tenantId, String actorKind, String actorId,
		String actorRole, String target, String ip, Map<String, String> details) {
}
