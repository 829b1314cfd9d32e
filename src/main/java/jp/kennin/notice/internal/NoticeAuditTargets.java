package jp.kennin.notice.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code notice:<id>} in the audit log by its title, with the page its editor uses: site notices for
 * operators, an insurer's notices for that insurer's administrators.
 */
@Component
class NoticeAuditTargets implements AuditTargets {

	private final JdbcClient jdbc;

	NoticeAuditTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return "notice";
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
		jdbc.sql("select id, title, tenant_id from notice where id in (:ids)" + scope)
			.params(p)
			.query((rs, n) -> {
				boolean site = rs.getObject("tenant_id") == null;
				String href = site ? (viewer.operator() ? "/admin/site-notices/" + rs.getLong("id") : null)
						: (viewer.operator() ? null : "/admin/notices/" + rs.getLong("id"));
				return out.put(String.valueOf(rs.getLong("id")), new Target(rs.getString("title"), href));
			})
			.list();
		return out;
	}

}
