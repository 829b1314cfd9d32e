package jp.kennin.staff.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code staff:<id>} in the audit log as 「表示名（ログインID）」 with the staff page. An insurer's
 * administrator sees the staff of their insurer only; operators everyone.
 */
@Component
class StaffAuditTargets implements AuditTargets {

	private final JdbcClient jdbc;

	StaffAuditTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "staff";
	}

	@Override
	public Map<String, Target> describe(StaffActor viewer, Collection<String> ids) {
		List<Long> keys = AuditTargets.numericIds(ids);
		Map<String, Target> out = new HashMap<>();
		if (keys.isEmpty()) {
			return out;
		}
		Map<String, Object> p = new HashMap<>();
		p.put("ids", keys);
		String scope = "";
		if (!viewer.operator()) {
			p.put("tenant", viewer.tenantId() == null ? -1L : viewer.tenantId());
			scope = " and tenant_id = :tenant";
		}
		jdbc.sql("select id, login_id, display_name from staff_account where id in (:ids)" + scope)
			.params(p)
			.query((rs, n) -> out.put(String.valueOf(rs.getLong("id")),
					new Target(rs.getString("display_name") + " (" + rs.getString("login_id") + ")",
							"/admin/staff/" + rs.getLong("id"))))
			.list();
		return out;
	}

}
