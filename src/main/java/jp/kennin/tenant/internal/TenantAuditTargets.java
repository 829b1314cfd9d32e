package jp.kennin.tenant.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code tenant:<id>} in the audit log by the insurer's name; operators get the settings page, an insurer's
 * staff only their own insurer's name.
 */
@Component
class TenantAuditTargets implements AuditTargets {

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
		List<Long> keys = AuditTargets.numericIds(ids);
		Map<String, Target> out = new HashMap<>();
		if (!viewer.operator()) {
			keys = keys.stream().filter(id -> id.equals(viewer.tenantId())).toList();
		}
		if (keys.isEmpty()) {
			return out;
		}
		jdbc.sql("select id, name from tenant where id in (:ids)")
			.param("ids", keys)
			.query((rs, n) -> out.put(String.valueOf(rs.getLong("id")), new Target(rs.getString("name"),
					viewer.operator() ? "/admin/tenants/" + rs.getLong("id") : null)))
			.list();
		return out;
	}

}
