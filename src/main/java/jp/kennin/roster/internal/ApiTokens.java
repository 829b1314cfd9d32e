package jp.kennin.roster.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jp.kennin.platform.ApiPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens with which an insurer's core system imports its roster and reads the
 * review's determinations, each within its scopes. A token is 256 random bits shown once
 * at creation; only its SHA-256 is stored (a slow hash is not needed for a secret of that
 * entropy).
 */
@Repository
@Transactional(readOnly = true)
public class ApiTokens {

	static final String PREFIX = "kennin_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token as listed.
	 *
	 * @param scopes what it may do ({@link ApiPrincipal#SCOPES})
	 */
	public record ApiToken(long id, long tenantId, String name, String hint, String createdBy, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt, Set<String> scopes) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	public record NewToken(long id, String token) {
	}

	/** A token that imports the roster (what every token did before scopes). */
	@Transactional
	public NewToken create(long tenantId, String name, String createdBy) {
		return create(tenantId, name, createdBy, Set.of(ApiPrincipal.ROSTER_IMPORT));
	}

	/** A token with these scopes (each one of {@link ApiPrincipal#SCOPES}). */
	@Transactional
	public NewToken create(long tenantId, String name, String createdBy, Set<String> scopes) {
		if (scopes.isEmpty() || !ApiPrincipal.SCOPES.containsAll(scopes)) {
			throw new IllegalArgumentException("unknown or no scopes: " + scopes);
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into roster_api_token (tenant_id, name, token_hash, token_hint, created_by, created_at, scopes)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, name, hash(token), token.substring(token.length() - 4), createdBy,
					Timestamp.from(clock.instant()), String.join(" ", new TreeSet<>(scopes)))
			.update(keys, "id");
		return new NewToken(keys.getKey().longValue(), token);
	}

	@Transactional
	public boolean revoke(long tenantId, long id) {
		return jdbc
			.sql("update roster_api_token set revoked_at = ? where tenant_id = ? and id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), tenantId, id)
			.update() == 1;
	}

	public record RevokedToken(long id, long tenantId) {
	}

	/**
	 * Revokes every active token the staff member with this login ID created (login IDs
	 * are unique without case and never reused, and {@code created_by} keeps them as
	 * typed at login).
	 */
	@Transactional
	public List<RevokedToken> revokeCreatedBy(String loginId) {
		List<RevokedToken> active = jdbc
			.sql("select id, tenant_id from roster_api_token where lower(created_by) = ? and revoked_at is null")
			.param(loginId.toLowerCase(Locale.ROOT))
			.query((rs, i) -> new RevokedToken(rs.getLong("id"), rs.getLong("tenant_id")))
			.list();
		Timestamp now = Timestamp.from(clock.instant());
		for (RevokedToken token : active) {
			jdbc.sql("update roster_api_token set revoked_at = ? where id = ? and revoked_at is null")
				.params(now, token.id())
				.update();
		}
		return active;
	}

	public List<ApiToken> list(long tenantId) {
		return jdbc.sql("select * from roster_api_token where tenant_id = ? order by id desc")
			.param(tenantId)
			.query((rs, i) -> new ApiToken(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
					rs.getString("token_hint"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
					scopes(rs.getString("scopes"))))
			.list();
	}

	/** The active token with this value, if any; records its use. */
	@Transactional
	public Optional<ApiToken> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiToken> found = jdbc
			.sql("select * from roster_api_token where token_hash = ? and revoked_at is null")
			.param(hash(token))
			.query((rs, i) -> new ApiToken(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"),
					rs.getString("token_hint"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("last_used_at")), null, scopes(rs.getString("scopes"))))
			.optional();
		found.ifPresent(t -> jdbc.sql("update roster_api_token set last_used_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), t.id())
			.update());
		return found;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stored space-separated, as OAuth writes scopes. */
	private static Set<String> scopes(String stored) {
		return stored == null || stored.isBlank() ? Set.of() : Set.of(stored.strip().split("\\s+"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
