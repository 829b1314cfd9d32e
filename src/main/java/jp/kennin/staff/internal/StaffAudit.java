package jp.kennin.staff.internal;

import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAuditEvent;

import org.springframework.stereotype.Component;

/**
 * Writes the staff module's audit events, always with the account concerned as target
 * ({@code staff:<id>}). Never pass a password, code or token in {@code details}.
 */
@Component
class StaffAudit {

	static final String STAFF = StaffActor.KIND;

	/** A login attempt not (yet) authenticated. */
	static final String ANONYMOUS = "ANONYMOUS";

	private final AuditLog log;

	StaffAudit(AuditLog log) {
		this.log = log;
	}

	/** What {@code actor} did to account {@code staffId}, in the caller's transaction. */
	void record(StaffAuditEvent type, StaffActor actor, Long tenantId, long staffId, String ip,
			Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), tenantId, STAFF, actor.loginId(), actor.role(),
				StaffSessions.indexName(staffId), ip, details));
	}

	/**
	 * What happened to the logged-in staff member's own account, in the caller's
	 * transaction.
	 */
	void self(StaffAuditEvent type, StaffPrincipal staff, String ip, Map<String, String> details) {
		log.record(event(type, staff, ip, details));
	}

	/** As {@link #self}, in a transaction of its own: for failures and refusals. */
	void selfNow(StaffAuditEvent type, StaffPrincipal staff, String ip, Map<String, String> details) {
		log.recordNow(event(type, staff, ip, details));
	}

	/**
	 * A failed login step, in a transaction of its own (the login fails, the record
	 * stays). {@code staff} is null for an unknown login ID, which is not recorded:
	 * people type their password into the ID field. The actor is anonymous: the attempt
	 * proved nobody's identity.
	 */
	void loginFailedNow(StaffPrincipal staff, String ip, String reason) {
		log.recordNow(new AuditLog.Event(StaffAuditEvent.STAFF_LOGIN_FAILED.name(),
				staff == null ? null : staff.tenantId(), ANONYMOUS, staff == null ? null : staff.getUsername(), null,
				staff == null ? null : StaffSessions.indexName(staff.id()), ip, Map.of("reason", reason)));
	}

	private static AuditLog.Event event(StaffAuditEvent type, StaffPrincipal staff, String ip,
			Map<String, String> details) {
		return new AuditLog.Event(type.name(), staff.tenantId(), STAFF, staff.getUsername(), staff.role().name(),
				StaffSessions.indexName(staff.id()), ip, details);
	}

}
