package jp.kennin.staff.internal;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffOffices;
import jp.kennin.staff.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One query by the login ID's unique key, joined to the account so that a disabled,
 * removed, re-roled or re-tenanted account has no offices, whatever its session holds.
 */
@Repository
@Transactional(readOnly = true)
class JdbcStaffOffices implements StaffOffices {

	private final JdbcClient jdbc;

	JdbcStaffOffices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> of(StaffActor actor) {
		if (!actor.officeContact() || actor.tenantId() == null) {
			return Set.of();
		}
		return Collections.unmodifiableSet(new TreeSet<>(jdbc.sql("""
				select o.office_code from staff_office o join staff_account a on a.id = o.staff_id
				where a.login_id_key = :key and a.tenant_id = :tenant and o.tenant_id = :tenant and a.role = :role
				  and a.enabled = true and a.removed_at is null""")
			.param("key", JdbcStaffAccounts.key(actor.loginId()))
			.param("tenant", actor.tenantId())
			.param("role", StaffRole.OFFICE_CONTACT.name())
			.query(String.class)
			.list()));
	}

}
