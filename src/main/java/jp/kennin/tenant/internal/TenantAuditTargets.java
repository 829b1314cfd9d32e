package jp.kennin.tenant.internal;

import java.util.Collection;
import java.util.Map;

import jp.kennin.audit.AuditTargetQuery;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code tenant:<id>} in the audit log by the insurer's name; operators get the
 * settings page, an insurer's staff only their own insurer's name.
 */
@Component
class TenantAuditTargets implements AuditTargets {

	/** A tenant row is its own tenant: an insurer's staff find their own insurer only. */
	private static final AuditTargetQuery TENANTS = new AuditTargetQuery("id", "id", "name", "tenant");

	private final JdbcClient jdbc;

	TenantAuditTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "tenant";
	}

	@Override
	public Map<String, Target> describe(StaffActor viewer, Collection<String> ids) {
		return TENANTS.describe(jdbc, viewer, ids,
				(rs, id) -> new Target(rs.getString("name"), viewer.operator() ? "/admin/tenants/" + id : null));
	}

}
