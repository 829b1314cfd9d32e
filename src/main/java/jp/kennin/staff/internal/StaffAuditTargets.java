package jp.kennin.staff.internal;

import java.util.Collection;
import java.util.Map;

import jp.kennin.audit.AuditTargetQuery;
import jp.kennin.audit.AuditTargets;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names {@code staff:<id>} in the audit log as 「表示名（ログインID）」 with the staff page. An
 * insurer's administrator sees the staff of their insurer only; operators everyone.
 */
@Component
class StaffAuditTargets implements AuditTargets {

	private static final AuditTargetQuery STAFF = new AuditTargetQuery("id", "tenant_id", "login_id, display_name",
			"staff_account");

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
		return STAFF.describe(jdbc, viewer, ids,
				(rs, id) -> new Target(rs.getString("display_name") + " (" + rs.getString("login_id") + ")",
						"/admin/staff/" + id));
	}

}
