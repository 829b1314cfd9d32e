package jp.kennin.tenant.internal;

import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.notification.MailThrottles;
import jp.kennin.tenant.TenantAuditEvent;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantContacts;
import jp.kennin.tenant.TenantPages;
import jp.kennin.tenant.Tenants;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/** Role check, write and audit of an insurer's contact settings, in one transaction. */
@Service
class TenantContactManagement implements TenantContacts {

	private final Tenants tenants;

	private final AuditLog audit;

	private final MailThrottles throttles;

	TenantContactManagement(Tenants tenants, AuditLog audit, MailThrottles throttles) {
		this.tenants = tenants;
		this.audit = audit;
		this.throttles = throttles;
	}

	@Override
	@Transactional
	public Tenant update(StaffActor editor, long tenantId, Tenant.SupportDesk desk, String memberNumberGuidance,
			Integer mailsPerMinute) {
		if (mailsPerMinute == null) {
			return update(editor, tenantId, desk, memberNumberGuidance);
		}
		if (!TenantPages.mayEdit(editor, tenantId)) {
			throw new AccessDeniedException("may not edit the contact settings of tenant " + tenantId);
		}
		throttles.setPerMinute(tenantId, mailsPerMinute);
		Tenant t = tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
		String guidance = memberNumberGuidance == null || memberNumberGuidance.isBlank() ? null
				: memberNumberGuidance.strip();
		Tenant updated = tenants.update(tenantId, new Tenants.NewTenant(t.code(), t.name(), t.mailFromAddress(),
				t.mailFromName(), desk, t.passwordPolicy(), guidance));
		audit.record(AuditLog.Event.byStaff(TenantAuditEvent.TENANT_CONTACT_UPDATED, tenantId, editor,
				"tenant:" + tenantId, Map.of("code", t.code(), "mailsPerMinute", String.valueOf(mailsPerMinute))));
		return updated;
	}

	@Override
	@Transactional(readOnly = true)
	public int mailsPerMinute(StaffActor editor, long tenantId) {
		if (!TenantPages.mayEdit(editor, tenantId)) {
			throw new AccessDeniedException("may not see the contact settings of tenant " + tenantId);
		}
		return throttles.perMinute(tenantId);
	}

	@Override
	@Transactional
	public Tenant update(StaffActor editor, long tenantId, Tenant.SupportDesk desk, String memberNumberGuidance) {
		Assert.notNull(editor, "editor must not be null!");
		Assert.notNull(desk, "desk must not be null!");
		// The same people who write the insurer's manual and FAQ: its own TENANT_ADMINs
		// and operators.
		if (!TenantPages.mayEdit(editor, tenantId)) {
			throw new AccessDeniedException("may not edit the contact settings of tenant " + tenantId);
		}
		Tenant t = tenants.findById(tenantId).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenantId));
		String guidance = memberNumberGuidance == null || memberNumberGuidance.isBlank() ? null
				: memberNumberGuidance.strip();
		Tenant updated = tenants.update(tenantId, new Tenants.NewTenant(t.code(), t.name(), t.mailFromAddress(),
				t.mailFromName(), desk, t.passwordPolicy(), guidance));
		audit.record(AuditLog.Event.byStaff(TenantAuditEvent.TENANT_CONTACT_UPDATED, tenantId, editor,
				"tenant:" + tenantId, Map.of("code", t.code())));
		return updated;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Tenant> own(StaffActor editor) {
		if (editor.tenantId() == null) {
			return Optional.empty();
		}
		if (!TenantPages.mayEdit(editor, editor.tenantId())) {
			throw new AccessDeniedException("may not edit the contact settings of tenant " + editor.tenantId());
		}
		return tenants.findById(editor.tenantId());
	}

}
