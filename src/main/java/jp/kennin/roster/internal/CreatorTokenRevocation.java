package jp.kennin.roster.internal;

import java.util.Map;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterAuditEvent;
import jp.kennin.staff.StaffAccessRevoked;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a staff account loses its access, the API tokens it created stop working too: the
 * token was shown only to that person, so a copy may have left with them. Runs
 * synchronously inside the transaction of the account change, so both commit or neither.
 * The insurer's core system then needs a new token from a current administrator
 * (docs/roster-csv.md says so).
 */
@Component
class CreatorTokenRevocation {

	static final String AUDIT_REVOKED = RosterAuditEvent.ROSTER_API_TOKEN_REVOKED.name();

	private final ApiTokens tokens;

	private final AuditLog audit;

	CreatorTokenRevocation(ApiTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@EventListener
	void on(StaffAccessRevoked event) {
		for (ApiTokens.RevokedToken token : tokens.revokeCreatedBy(event.loginId())) {
			audit.record(new AuditLog.Event(AUDIT_REVOKED, token.tenantId(), StaffActor.KIND, event.actor().loginId(),
					event.actor().role(), "roster_api_token:" + token.id(), event.ip(),
					Map.of("reason", event.cause().name(), "createdBy", event.loginId())));
		}
	}

}
