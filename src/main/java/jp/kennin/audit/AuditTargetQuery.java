package jp.kennin.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.audit.AuditTargets.Target;
import jp.kennin.platform.StaffActor;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one query behind every {@link AuditTargets}: the rows whose key is among the ids,
 * of the viewer's tenant only (operators see every tenant), each named by the module that
 * owns the table. The tenant scope is written here once, so no implementation can forget
 * it.
 *
 * <pre>
 * new AuditTargetQuery("c.id", "c.tenant_id", "c.title", "campaign c")
 *     .describe(jdbc, viewer, ids, (rs, id) -&gt; new Target(rs.getString("title"), "/admin/campaigns/" + id));
 * </pre>
 *
 * @param idColumn the table key the target ids name, e.g. {@code id} or {@code f.id}
 * @param tenantColumn the column holding the row's tenant, compared with the viewer's
 * (for the tenant table itself, its {@code id})
 * @param columns the further columns the namer reads
 * @param from the table, or tables with their joins
 */
public record AuditTargetQuery(String idColumn, String tenantColumn, String columns, String from) {

	/** Names one row; {@code id} is the row's key. */
	@FunctionalInterface
	public interface Namer {

		Target name(ResultSet rs, long id) throws SQLException;

	}

	/**
	 * @return id → name for the ids found in the viewer's scope; the others are left out
	 */
	public Map<String, Target> describe(JdbcClient jdbc, StaffActor viewer, Collection<String> ids, Namer namer) {
		List<Long> keys = AuditTargets.numericIds(ids);
		Map<String, Target> out = new HashMap<>();
		if (keys.isEmpty()) {
			return out;
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", keys);
		String sql = "select " + idColumn + " as audit_target_id, " + columns + " from " + from + " where " + idColumn
				+ " in (:ids)";
		if (!viewer.operator()) {
			// Staff without a tenant (none exist) would see nothing rather than
			// everything.
			params.put("tenant", viewer.tenantId() == null ? -1L : viewer.tenantId());
			sql += " and " + tenantColumn + " = :tenant";
		}
		jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			long id = rs.getLong("audit_target_id");
			out.put(String.valueOf(id), namer.name(rs, id));
		});
		return out;
	}

}
