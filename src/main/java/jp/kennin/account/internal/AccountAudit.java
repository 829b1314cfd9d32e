package jp.kennin.account.internal;

import java.util.Map;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;

import org.springframework.stereotype.Component;

/**
 * Writes the account module's audit events. Never pass a password, code or token in
 * {@code details}.
 */
@Component
public class AccountAudit {

	public static final String MEMBER = "MEMBER";

	public static final String ANONYMOUS = "ANONYMOUS";

	public static final String STAFF = StaffActor.KIND;

	public static final String SYSTEM = "SYSTEM";

	private final AuditLog log;

	private final Secrets secrets;

	AccountAudit(AuditLog log, Secrets secrets) {
		this.log = log;
		this.secrets = secrets;
	}

	/** In the caller's transaction. */
	public void member(AccountAuditEvent type, MemberAccount account, String ip, Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), account.tenantId(), MEMBER, account.userId(), null, target(account),
				ip, details));
	}

	/** In a transaction of its own: for failures. */
	public void memberNow(AccountAuditEvent type, MemberAccount account, String ip, Map<String, String> details) {
		log.recordNow(new AuditLog.Event(type.name(), account.tenantId(), MEMBER, account.userId(), null,
				target(account), ip, details));
	}

	/** For a logged-in member, from the principal. */
	public void principal(AccountAuditEvent type, MemberPrincipal member, String ip) {
		log.recordNow(new AuditLog.Event(type.name(), member.tenantId(), MEMBER, member.getUsername(), null,
				"member_account:" + member.accountId(), ip, Map.of()));
	}

	/**
	 * An event by someone not (yet) known; the typed identifier is kept only as a keyed
	 * hash.
	 */
	public void anonymousNow(AccountAuditEvent type, Long tenantId, String typedIdentifier, String ip,
			Map<String, String> details) {
		String actor = typedIdentifier == null ? null : "hash:" + secrets.hmac(typedIdentifier).substring(0, 16);
		log.recordNow(new AuditLog.Event(type.name(), tenantId, ANONYMOUS, actor, null, null, ip, details));
	}

	/**
	 * A refusal to a visitor who matched a roster person at sign-up but has no account
	 * yet (in a transaction of its own).
	 */
	public void personNow(AccountAuditEvent type, long tenantId, long rosterPersonId, String ip,
			Map<String, String> details) {
		log.recordNow(new AuditLog.Event(type.name(), tenantId, ANONYMOUS, null, null,
				"roster_person:" + rosterPersonId, ip, details));
	}

	/**
	 * Done to the account by Kennin itself, e.g. after a roster import; {@code actorId}
	 * names the cause.
	 */
	public void system(AccountAuditEvent type, MemberAccount account, String actorId, Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), account.tenantId(), SYSTEM, actorId, null, target(account), null,
				details));
	}

	public void staff(AccountAuditEvent type, long tenantId, long rosterPersonId, String loginId, String role,
			String ip, Map<String, String> details) {
		log.record(new AuditLog.Event(type.name(), tenantId, STAFF, loginId, role, "roster_person:" + rosterPersonId,
				ip, details));
	}

	static String target(MemberAccount account) {
		return "member_account:" + account.id();
	}

}
