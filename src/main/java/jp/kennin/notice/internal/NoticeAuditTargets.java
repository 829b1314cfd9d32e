package jp.kennin.notice.internal;

import java.util.Collection;
import java.util.Map;

import jp.kennin.audit.AuditTargetQuery;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code notice:<id>} in the audit log by its title, with the page its editor uses:
 * site notices for operators, an insurer's notices for that insurer's administrators.
 */
@Component
class NoticeAuditTargets implements AuditTargets {

	private static final AuditTargetQuery NOTICES = new AuditTargetQuery("id", "tenant_id", "title, tenant_id",
			"notice");

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
		return NOTICES.describe(jdbc, viewer, ids, (rs, id) -> {
			boolean site = rs.getObject("tenant_id") == null;
			String href = site ? (viewer.operator() ? "/admin/site-notices/" + id : null)
					: (viewer.operator() ? null : "/admin/notices/" + id);
			return new Target(rs.getString("title"), href);
		});
	}

}
