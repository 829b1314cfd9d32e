package jp.kennin.staff.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.StaffAccessRevoked;
import jp.kennin.staff.StaffAccounts;
import jp.kennin.staff.StaffAuditEvent;
import jp.kennin.staff.StaffRole;
import jp.kennin.staff.internal.StaffDirectory.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * 職員の管理, the rules in one place: operators manage every account, insurer admins the
 * TENANT_ADMIN and REVIEWER accounts of their own insurer; nobody manages their own
 * account here. Another tenant's account does not exist for the actor ({@link NotFound}).
 * Each action changes the account, ends its sessions on every node, withdraws what it
 * handed out (listeners of {@link StaffAccessRevoked}) and writes its audit event, in one
 * transaction.
 */
@Service
@Transactional
public class StaffManagement {

	private final StaffAccounts accounts;

	private final StaffDirectory directory;

	private final StaffSessions sessions;

	private final StaffAudit audit;

	private final ApplicationEventPublisher events;

	StaffManagement(StaffAccounts accounts, StaffDirectory directory, StaffSessions sessions, StaffAudit audit,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.directory = directory;
		this.sessions = sessions;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * The account is not there for this actor (missing, removed, or another tenant's).
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	public static class NotFound extends RuntimeException {

		NotFound() {
			super("no such staff account", null, false, false);
		}

	}

	/** The actor may see the account but not do this to it. */
	@ResponseStatus(HttpStatus.FORBIDDEN)
	public static class NotAllowed extends RuntimeException {

		NotAllowed() {
			super("not allowed for this staff account", null, false, false);
		}

	}

	public record Created(long id, String password) {
	}

	/**
	 * Whether the actor picks the insurer of a new account: operators do, an insurer's
	 * admin adds to their own.
	 */
	public static boolean choosesTenant(StaffActor actor) {
		return actor.operator();
	}

	/**
	 * The insurer a new account belongs to: the chosen one for operators, the actor's own
	 * otherwise.
	 */
	public static Long newAccountTenant(StaffActor actor, Long chosen) {
		return choosesTenant(actor) ? chosen : actor.tenantId();
	}

	/** The roles the actor may give to new accounts. */
	public static List<StaffRole> creatableRoles(StaffActor actor) {
		return actor.operator() ? List.of(StaffRole.values()) : List.of(StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
	}

	/**
	 * The roles the account may be changed to: between the two insurer roles only, since
	 * an operator has no tenant and insurer staff need one. Empty when the actor may not
	 * change this account.
	 */
	public List<StaffRole> assignableRoles(StaffActor actor, StaffMember member) {
		if (!mayManage(actor, member) || member.role() == StaffRole.OPERATOR) {
			return List.of();
		}
		return List.of(StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
	}

	@Transactional(readOnly = true)
	public StaffMember visible(StaffActor actor, long id) {
		return directory.find(actor.operator() ? null : actor.tenantId(), id).orElseThrow(NotFound::new);
	}

	/** Whether the detail page should offer the actions at all. */
	public boolean mayManage(StaffActor actor, StaffMember member) {
		return !member.loginId().equalsIgnoreCase(actor.loginId()) && creatableRoles(actor).contains(member.role());
	}

	/**
	 * A new account with a random password (returned, shown once). {@code tenantId} is
	 * the operator's choice; insurer admins always create staff of their own insurer.
	 */
	public Created create(StaffActor actor, String loginId, String displayName, StaffRole role, Long tenantId,
			String ip) {
		if (!creatableRoles(actor).contains(role)) {
			throw new NotAllowed();
		}
		Long scope = role == StaffRole.OPERATOR ? null : actor.operator() ? tenantId : actor.tenantId();
		String password = StaffDirectory.newPassword();
		long id = accounts.create(loginId, displayName, role, scope, password);
		audit.record(StaffAuditEvent.STAFF_CREATED, actor, scope, id, ip,
				Map.of("role", role.name(), "loginId", loginId));
		return new Created(id, password);
	}

	public void disable(StaffActor actor, long id, String ip) {
		StaffMember member = manageable(actor, id);
		directory.setEnabled(member.id(), false);
		accessWithdrawn(actor, member, StaffAuditEvent.STAFF_DISABLED, ip, new LinkedHashMap<>());
	}

	/** Nothing to withdraw: the account had no access while disabled. */
	public void enable(StaffActor actor, long id, String ip) {
		StaffMember member = manageable(actor, id);
		directory.setEnabled(member.id(), true);
		audit.record(StaffAuditEvent.STAFF_ENABLED, actor, member.tenantId(), member.id(), ip, Map.of());
	}

	/**
	 * A new random password (returned, shown once) and no authenticator, for a staff
	 * member who lost access.
	 */
	public String reset(StaffActor actor, long id, String ip) {
		StaffMember member = manageable(actor, id);
		String password = directory.resetCredentials(member.id());
		accessWithdrawn(actor, member, StaffAuditEvent.STAFF_CREDENTIALS_RESET, ip, new LinkedHashMap<>());
		return password;
	}

	public void changeRole(StaffActor actor, long id, StaffRole role, String ip) {
		StaffMember member = manageable(actor, id);
		if (!assignableRoles(actor, member).contains(role)) {
			throw new NotAllowed();
		}
		if (role == member.role()) {
			return;
		}
		directory.changeRole(member.id(), role);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("from", member.role().name());
		details.put("to", role.name());
		accessWithdrawn(actor, member, StaffAuditEvent.STAFF_ROLE_CHANGED, ip, details);
	}

	public void remove(StaffActor actor, long id, String ip) {
		StaffMember member = manageable(actor, id);
		directory.remove(member.id());
		Map<String, String> details = new LinkedHashMap<>();
		details.put("loginId", member.loginId());
		accessWithdrawn(actor, member, StaffAuditEvent.STAFF_REMOVED, ip, details);
	}

	private StaffMember manageable(StaffActor actor, long id) {
		StaffMember member = visible(actor, id);
		if (!mayManage(actor, member)) {
			throw new NotAllowed();
		}
		return member;
	}

	/**
	 * The sessions are deleted at once (Spring Session commits that on its own), so a
	 * failure later in this transaction leaves the account unchanged but logged out,
	 * never the other way round.
	 */
	private void accessWithdrawn(StaffActor actor, StaffMember member, StaffAuditEvent type, String ip,
			Map<String, String> details) {
		details.put("sessionsEnded", Integer.toString(sessions.endAll(member.id(), null)));
		audit.record(type, actor, member.tenantId(), member.id(), ip, details);
		events.publishEvent(new StaffAccessRevoked(member.id(), member.loginId(), member.tenantId(), type, actor, ip));
	}

}
