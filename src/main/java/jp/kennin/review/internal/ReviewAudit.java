package jp.kennin.review.internal;

import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewAuditEvent;

import org.springframework.stereotype.Component;

/**
 * Writes the review's audit events in the caller's transaction: a step and its record
 * commit together.
 */
@Component
class ReviewAudit {

	static final String STAFF = StaffActor.KIND;

	private final AuditLog log;

	ReviewAudit(AuditLog log) {
		this.log = log;
	}

	void form(ReviewAuditEvent type, ReviewActor actor, long formId, Map<String, String> details) {
		record(type, actor, "survey_form:" + formId, details);
	}

	void record(ReviewAuditEvent type, ReviewActor actor, String target, Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), actor.tenantId(), STAFF, actor.loginId(), actor.role(), target,
				actor.ip(), details));
	}

}
