package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Password reset links ({@code member_reset_token}): a 256-bit token, stored as SHA-256,
 * valid 30 minutes and used once. Only the newest link of an account works: issuing one
 * revokes the older ones, and so does any new password (a completed reset or a change on
 * マイページ), so a link lying in an old mail is dead.
 */
@Component
class ResetLinks {

	static final Duration VALIDITY = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Clock clock;

	ResetLinks(JdbcClient jdbc, AccountRepository accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A new link's token (to be mailed); the account's older links stop working. */
	String issue(MemberAccount account) {
		revokeAll(account);
		String token = Secrets.token();
		Instant now = clock.instant();
		jdbc.sql(
				"insert into member_reset_token (tenant_id, account_id, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)")
			.params(account.tenantId(), account.id(), Secrets.sha256(token), Timestamp.from(now.plus(VALIDITY)),
					Timestamp.from(now))
			.update();
		return token;
	}

	/** The account a still valid, unused and not revoked token belongs to. */
	Optional<MemberAccount> accountFor(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select tenant_id, account_id from member_reset_token where token_hash = ? and used_at is null
				  and revoked_at is null and expires_at > ?""")
			.params(Secrets.sha256(token), Timestamp.from(clock.instant()))
			.query((rs, i) -> accounts.findById(rs.getLong("tenant_id"), rs.getLong("account_id")))
			.optional()
			.flatMap(o -> o);
	}

	/**
	 * Spends the token; false if it was spent or revoked meanwhile (two tabs submitting
	 * at once).
	 */
	boolean spend(String token) {
		return jdbc
			.sql("update member_reset_token set used_at = ? where token_hash = ? and used_at is null "
					+ "and revoked_at is null")
			.params(Timestamp.from(clock.instant()), Secrets.sha256(token))
			.update() == 1;
	}

	/** Every link of the account not yet used stops working. */
	void revokeAll(MemberAccount account) {
		jdbc.sql("update member_reset_token set revoked_at = ? where tenant_id = ? and account_id = ? "
				+ "and used_at is null and revoked_at is null")
			.params(Timestamp.from(clock.instant()), account.tenantId(), account.id())
			.update();
	}

}
