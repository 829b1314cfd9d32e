package jp.kennin.retention.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.retention.Retention;
import jp.kennin.retention.RetentionAuditEvent;
import jp.kennin.retention.RetentionSettings;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention use cases: the role and tenant are checked first, the change and its
 * audit record are written in one transaction.
 */
@Service
class RetentionManagement implements Retention {

	private final RetentionSettingRepository settings;

	private final MemberExports exports;

	private final AuditLog audit;

	private final Clock clock;

	RetentionManagement(RetentionSettingRepository settings, MemberExports exports, AuditLog audit, Clock clock) {
		this.settings = settings;
		this.exports = exports;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public RetentionSettings settingsForEditing(StaffActor actor) {
		return settings.find(admin(actor));
	}

	@Override
	@Transactional
	public void changeSettings(StaffActor actor, RetentionSettings changed) {
		long tenantId = admin(actor);
		RetentionSettings before = settings.find(tenantId);
		if (before.equals(changed)) {
			return;
		}
		settings.save(tenantId, changed, clock.instant());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("documentYears.from", String.valueOf(before.documentYears()));
		details.put("documentYears.to", String.valueOf(changed.documentYears()));
		details.put("personalDataYears.from", String.valueOf(before.personalDataYears()));
		details.put("personalDataYears.to", String.valueOf(changed.personalDataYears()));
		audit.record(AuditLog.Event.byStaff(RetentionAuditEvent.RETENTION_SETTINGS_CHANGED, tenantId, actor,
				"retention_settings", details));
	}

	@Override
	@Transactional
	public Optional<MemberExport> export(StaffActor actor, long rosterPersonId) {
		long tenantId = admin(actor);
		Optional<MemberExports.Household> household = exports.household(tenantId, rosterPersonId);
		household.ifPresent(h -> audit.record(AuditLog.Event.byStaff(RetentionAuditEvent.MEMBER_DATA_EXPORTED, tenantId,
				actor, "roster_person:" + rosterPersonId, Map.of("kigo", h.kigo(), "bango", h.bango()))));
		return household.map(h -> exports.export(actor, h));
	}

	/** Only the insurer's own administrators; operators have no insurer here. */
	private static long admin(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
