package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jp.kennin.account.RegistrationStatus.State;
import jp.kennin.account.RegistrationStatuses;
import jp.kennin.roster.RosterDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The same rules as {@link HelpDeskMemberAccounts#status}: inactive on the roster wins,
 * then no active account (a pending sign-up counts as not registered), then a lock still
 * running.
 */
@Repository
@Transactional(readOnly = true)
class JdbcRegistrationStatuses implements RegistrationStatuses {

	private static final String ACCOUNT = "select 1 from member_account hd_a where hd_a.tenant_id = roster_person.tenant_id"
			+ " and hd_a.roster_person_id = roster_person.id and hd_a.status = 'ACTIVE'";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcRegistrationStatuses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Map<Long, State> states(long tenantId, Collection<Long> rosterPersonIds) {
		Map<Long, State> states = new HashMap<>();
		if (rosterPersonIds.isEmpty()) {
			return states;
		}
		Instant now = clock.instant();
		jdbc.sql(
				"""
						select p.id, p.active, a.id as account_id, a.locked_until from roster_person p
						  left join member_account a on a.tenant_id = p.tenant_id and a.roster_person_id = p.id and a.status = 'ACTIVE'
						 where p.tenant_id = :tenant and p.edaban = '00' and p.id in (:ids)""")
			.param("tenant", tenantId)
			.param("ids", rosterPersonIds)
			.query(rs -> {
				Timestamp lockedUntil = rs.getTimestamp("locked_until");
				boolean registered = rs.getObject("account_id") != null;
				State state = !rs.getBoolean("active") ? State.INACTIVE : !registered ? State.NOT_REGISTERED
						: lockedUntil != null && lockedUntil.toInstant().isAfter(now) ? State.LOCKED : State.REGISTERED;
				states.put(rs.getLong("id"), state);
			});
		return states;
	}

	@Override
	public Map<Long, String> mailAddresses(long tenantId, Collection<Long> rosterPersonIds) {
		Map<Long, String> addresses = new HashMap<>();
		if (rosterPersonIds.isEmpty()) {
			return addresses;
		}
		jdbc.sql(
				"""
						select p.id, coalesce(a.email, p.email) as address from roster_person p
						  left join member_account a on a.tenant_id = p.tenant_id and a.roster_person_id = p.id and a.status = 'ACTIVE'
						 where p.tenant_id = :tenant and p.edaban = '00' and p.id in (:ids)""")
			.param("tenant", tenantId)
			.param("ids", rosterPersonIds)
			.query(rs -> {
				String address = rs.getString("address");
				if (address != null && !address.isBlank()) {
					addresses.put(rs.getLong("id"), address.strip());
				}
			});
		return addresses;
	}

	@Override
	public RosterDirectory.Condition having(State state) {
		Timestamp now = Timestamp.from(clock.instant());
		return switch (state) {
			case INACTIVE -> new RosterDirectory.Condition("roster_person.active = false", Map.of());
			case NOT_REGISTERED ->
				new RosterDirectory.Condition("roster_person.active = true and not exists (" + ACCOUNT + ")", Map.of());
			case REGISTERED -> new RosterDirectory.Condition(
					"roster_person.active = true and exists (" + ACCOUNT
							+ " and (hd_a.locked_until is null or hd_a.locked_until <= :hd_now))",
					Map.of("hd_now", now));
			case LOCKED -> new RosterDirectory.Condition(
					"roster_person.active = true and exists (" + ACCOUNT + " and hd_a.locked_until > :hd_now)",
					Map.of("hd_now", now));
		};
	}

}
