package jp.kennin.tenant.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantAuditEvent;
import jp.kennin.tenant.Tenants;
import jp.kennin.tenant.Tenants.NewTenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 保険者の管理: only operators list, create and edit insurers; each change and its audit record
 * commit together. The code is fixed once created and unique.
 */
@Service
@Transactional
public class TenantManagement {

	private final Tenants tenants;

	private final AuditLog audit;

	TenantManagement(Tenants tenants, AuditLog audit) {
		this.tenants = tenants;
		this.audit = audit;
	}

	/** The code is already another insurer's. */
	public static class CodeTaken extends RuntimeException {

		CodeTaken() {
			super("tenant code taken", null, false, false);
		}

	}

	/**
	 * @throws org.springframework.security.access.AccessDeniedException unless the actor
	 * is an operator
	 */
	public void checkManager(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
	}

	@Transactional(readOnly = true)
	public List<Tenant> list(StaffActor actor) {
		actor.require(StaffActor.OPERATOR);
		return tenants.findAll();
	}

	@Transactional(readOnly = true)
	public Optional<Tenant> find(StaffActor actor, long id) {
		actor.require(StaffActor.OPERATOR);
		return tenants.findById(id);
	}

	/**
	 * @throws CodeTaken when another insurer has the code
	 */
	public Tenant create(StaffActor actor, NewTenant values) {
		actor.require(StaffActor.OPERATOR);
		if (tenants.findByCode(values.code()).isPresent()) {
			throw new CodeTaken();
		}
		Tenant created = tenants.create(values);
		record(TenantAuditEvent.TENANT_CREATED, actor, created);
		return created;
	}

	/**
	 * Changes everything but the code, which stays the stored one whatever {@code values}
	 * says.
	 */
	public Tenant update(StaffActor actor, long id, NewTenant values) {
		actor.require(StaffActor.OPERATOR);
		Tenant updated = tenants.update(id, values);
		record(TenantAuditEvent.TENANT_UPDATED, actor, updated);
		return updated;
	}

	private void record(TenantAuditEvent type, StaffActor actor, Tenant tenant) {
		audit.record(AuditLog.Event.byStaff(type, tenant.id(), actor, "tenant:" + tenant.id(),
				Map.of("code", tenant.code())));
	}

}
