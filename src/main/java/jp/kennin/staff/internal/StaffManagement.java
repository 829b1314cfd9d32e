package jp.kennin.staff.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.platform.StaffActor;
import jp.kennin.staff.OfficeCatalog;
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
 * TENANT_ADMIN, REVIEWER and OFFICE_CONTACT accounts of their own insurer; nobody manages
 * their own account here. Only an insurer's admin creates office contacts, since they
 * pick the offices from their own roster ({@link OfficeCatalog}): at least one, each on
 * the roster. Another tenant's account does not exist for the actor ({@link NotFound}).
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

	private final OfficeCatalog offices;

	StaffManagement(StaffAccounts accounts, StaffDirectory directory, StaffSessions sessions, StaffAudit audit,
			ApplicationEventPublisher events, OfficeCatalog offices) {
		this.accounts = accounts;
		this.directory = directory;
		this.sessions = sessions;
		this.audit = audit;
		this.events = events;
		this.offices = offices;
	}

	/**
	 * Office codes not acceptable for an office contact: none chosen, or not on the
	 * insurer's roster ({@link #unknown}). The pages check first and show the message
	 * next to the field; this is the service's own refusal.
	 */
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	public static class InvalidOffices extends RuntimeException {

		private final List<String> unknown;

		InvalidOffices(List<String> unknown) {
			super("office codes missing or not on the roster: " + unknown, null, false, false);
			this.unknown = List.copyOf(unknown);
		}

		public List<String> unknown() {
			return unknown;
		}

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

	/**
	 * The roles the actor may give to new accounts. Operators do not create office
	 * contacts: the offices come from the insurer's own roster, which its admins know.
	 */
	public static List<StaffRole> creatableRoles(StaffActor actor) {
		if (actor.operator()) {
			return List.of(StaffRole.OPERATOR, StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
		}
		return actor.tenantAdmin() ? List.of(StaffRole.TENANT_ADMIN, StaffRole.REVIEWER, StaffRole.OFFICE_CONTACT)
				: List.of();
	}

	/** The roles of the accounts the actor may manage (besides their own). */
	private static List<StaffRole> manageableRoles(StaffActor actor) {
		return actor.operator() ? List.of(StaffRole.values()) : creatableRoles(actor);
	}

	/**
	 * The insurer's offices an office contact may be bound to (code → name), for the
	 * actor's choice: the own insurer's for its admins, nothing for anyone else.
	 */
	public Map<String, String> choosableOffices(StaffActor actor) {
		return actor.tenantAdmin() ? offices.offices(actor.tenantId()) : Map.of();
	}

	/**
	 * The codes of {@code chosen} that are not on the roster of the actor's insurer, or
	 * an empty list; {@code null} when nothing is chosen.
	 */
	public List<String> unknownOffices(StaffActor actor, Collection<String> chosen) {
		if (chosen == null || chosen.isEmpty()) {
			return null;
		}
		Map<String, String> known = choosableOffices(actor);
		return chosen.stream().filter(code -> !known.containsKey(code)).distinct().sorted().toList();
	}

	/** The offices of an office contact the actor may see (code → name on the roster). */
	@Transactional(readOnly = true)
	public Map<String, String> officesOf(StaffActor actor, StaffMember member) {
		if (member.role() != StaffRole.OFFICE_CONTACT || member.tenantId() == null) {
			return Map.of();
		}
		Map<String, String> names = offices.offices(member.tenantId());
		Map<String, String> out = new LinkedHashMap<>();
		for (String code : directory.offices(member.id())) {
			out.put(code, names.getOrDefault(code, ""));
		}
		return out;
	}

	/** Whether the detail page offers changing the offices. */
	public boolean mayChangeOffices(StaffActor actor, StaffMember member) {
		return actor.tenantAdmin() && member.role() == StaffRole.OFFICE_CONTACT && mayManage(actor, member);
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
		// An office contact may become another insurer role (losing the offices); the
		// other way needs offices, so it is a new account (the creation form).
		if (member.role() == StaffRole.OFFICE_CONTACT) {
			return List.of(StaffRole.OFFICE_CONTACT, StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
		}
		return List.of(StaffRole.TENANT_ADMIN, StaffRole.REVIEWER);
	}

	@Transactional(readOnly = true)
	public StaffMember visible(StaffActor actor, long id) {
		return directory.find(actor.operator() ? null : actor.tenantId(), id).orElseThrow(NotFound::new);
	}

	/** Whether the detail page should offer the actions at all. */
	public boolean mayManage(StaffActor actor, StaffMember member) {
		return !member.loginId().equalsIgnoreCase(actor.loginId()) && manageableRoles(actor).contains(member.role());
	}

	/**
	 * A new account with a random password (returned, shown once). {@code tenantId} is
	 * the operator's choice; insurer admins always create staff of their own insurer.
	 */
	public Created create(StaffActor actor, String loginId, String displayName, StaffRole role, Long tenantId,
			String ip) {
		return create(actor, loginId, displayName, role, tenantId, List.of(), ip);
	}

	/**
	 * As above; {@code officeCodes} are the offices of an office contact (ignored for
	 * other roles).
	 * @throws InvalidOffices for an office contact without offices or with codes not on
	 * the roster
	 */
	public Created create(StaffActor actor, String loginId, String displayName, StaffRole role, Long tenantId,
			Collection<String> officeCodes, String ip) {
		if (!creatableRoles(actor).contains(role)) {
			throw new NotAllowed();
		}
		Long scope = role == StaffRole.OPERATOR ? null : actor.operator() ? tenantId : actor.tenantId();
		String password = StaffDirectory.newPassword();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("role", role.name());
		details.put("loginId", loginId);
		long id;
		if (role == StaffRole.OFFICE_CONTACT) {
			Set<String> codes = validOffices(actor, officeCodes);
			id = accounts.createOfficeContact(loginId, displayName, scope, codes, password);
			details.put("offices", String.join(",", codes));
		}
		else {
			id = accounts.create(loginId, displayName, role, scope, password);
		}
		audit.record(StaffAuditEvent.STAFF_CREATED, actor, scope, id, ip, details);
		return new Created(id, password);
	}

	/**
	 * Binds an office contact to other offices; their sessions end, like any change of
	 * what an account may do.
	 * @throws InvalidOffices without offices or with codes not on the roster
	 */
	public void changeOffices(StaffActor actor, long id, Collection<String> officeCodes, String ip) {
		StaffMember member = manageable(actor, id);
		if (!mayChangeOffices(actor, member)) {
			throw new NotAllowed();
		}
		Set<String> codes = validOffices(actor, officeCodes);
		List<String> before = directory.offices(member.id());
		if (before.equals(List.copyOf(codes))) {
			return;
		}
		directory.replaceOffices(member.id(), member.tenantId(), codes);
		Map<String, String> details = new LinkedHashMap<>();
		details.put("from", String.join(",", before));
		details.put("to", String.join(",", codes));
		accessWithdrawn(actor, member, StaffAuditEvent.STAFF_OFFICES_CHANGED, ip, details);
	}

	private Set<String> validOffices(StaffActor actor, Collection<String> officeCodes) {
		List<String> unknown = unknownOffices(actor, officeCodes);
		if (unknown == null || !unknown.isEmpty()) {
			throw new InvalidOffices(unknown == null ? List.of() : unknown);
		}
		return new TreeSet<>(officeCodes);
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
		if (member.role() == StaffRole.OFFICE_CONTACT) {
			directory.replaceOffices(member.id(), member.tenantId(), List.of());
		}
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
