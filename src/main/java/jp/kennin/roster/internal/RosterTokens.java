package jp.kennin.roster.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.audit.AuditLog;
import jp.kennin.platform.ApiPrincipal;
import jp.kennin.platform.NoControlCharacters;
import jp.kennin.platform.StaffActor;
import jp.kennin.roster.RosterAuditEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of the insurer's core system, for its TENANT_ADMIN only: list, create (the
 * value shown once) and revoke, each change with its audit record in one transaction.
 * Another tenant's token does not exist for the actor.
 */
@Service
@Transactional
public class RosterTokens {

	public static final int NAME_MAX = 100;

	private final ApiTokens tokens;

	private final AuditLog audit;

	RosterTokens(ApiTokens tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	/**
	 * The name is blank, longer than {@link #NAME_MAX}, or holds a character that cannot
	 * be kept (a control character such as NUL, which PostgreSQL refuses).
	 */
	public static class InvalidName extends RuntimeException {

		private final String messageKey;

		InvalidName(String messageKey) {
			super("invalid token name", null, false, false);
			this.messageKey = messageKey;
		}

		/** What to say next to the name field. */
		public String messageKey() {
			return messageKey;
		}

	}

	/** No scope, or one Kennin does not know. */
	public static class InvalidScopes extends RuntimeException {

		InvalidScopes() {
			super("invalid token scopes", null, false, false);
		}

	}

	/** The token is not there for this actor. */
	public static class NotFound extends RuntimeException {

		NotFound() {
			super("no such token", null, false, false);
		}

	}

	@Transactional(readOnly = true)
	public List<ApiTokens.ApiToken> list(StaffActor actor) {
		return tokens.list(tenant(actor));
	}

	/**
	 * @throws InvalidName for a blank or too long name, or one with a control character
	 */
	public ApiTokens.NewToken create(StaffActor actor, String name) {
		return create(actor, name, Set.of(ApiPrincipal.ROSTER_IMPORT));
	}

	/**
	 * A token with these scopes; none or an unknown one is refused.
	 * @throws InvalidName for a blank or too long name, or one with a control character
	 * @throws InvalidScopes without a scope or with one Kennin does not know
	 */
	public ApiTokens.NewToken create(StaffActor actor, String name, Set<String> scopes) {
		long tenantId = tenant(actor);
		if (scopes == null || scopes.isEmpty() || !ApiPrincipal.SCOPES.containsAll(scopes)) {
			throw new InvalidScopes();
		}
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
			throw new InvalidName("roster.tokens.nameError");
		}
		if (NoControlCharacters.Check.found(trimmed, false)) {
			throw new InvalidName("roster.tokens.nameControlCharacters");
		}
		ApiTokens.NewToken created = tokens.create(tenantId, trimmed, actor.loginId(), scopes);
		audit.record(AuditLog.Event.byStaff(RosterAuditEvent.ROSTER_API_TOKEN_CREATED, tenantId, actor,
				"roster_api_token:" + created.id(),
				Map.of("name", trimmed, "scopes", String.join(" ", new TreeSet<>(scopes)))));
		return created;
	}

	/**
	 * Revoking a revoked token changes nothing and records nothing. @throws NotFound for
	 * another tenant's
	 */
	public void revoke(StaffActor actor, long id) {
		long tenantId = tenant(actor);
		if (tokens.list(tenantId).stream().noneMatch(t -> t.id() == id)) {
			throw new NotFound();
		}
		if (tokens.revoke(tenantId, id)) {
			audit.record(AuditLog.Event.byStaff(RosterAuditEvent.ROSTER_API_TOKEN_REVOKED, tenantId, actor,
					"roster_api_token:" + id, Map.of()));
		}
	}

	private static long tenant(StaffActor actor) {
		actor.require(StaffActor.TENANT_ADMIN);
		return actor.requireTenant();
	}

}
