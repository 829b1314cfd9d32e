package jp.kennin.account.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.kennin.notification.MailDeliveries;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 6-digit codes mailed to prove control of an address. A code is bound to an account, a
 * purpose and the browser flow that asked for it; it lives 10 minutes, dies after 5 wrong
 * entries, and is superseded by a newer code. Sending is limited to one per 60 seconds
 * and 5 per hour.
 */
@Component
public class EmailCodes {

	public static final Duration VALIDITY = Duration.ofMinutes(10);

	public static final int MAX_WRONG = 5;

	public static final Duration COOLDOWN = Duration.ofSeconds(60);

	public static final int MAX_SENDS_PER_HOUR = 5;

	public enum Purpose {

		VERIFY_EMAIL, CHANGE_EMAIL

	}

	/**
	 * The result of an attempt to send. {@code code} is set only when {@code status} is
	 * SENT; {@code retryAt} only for the sign-up caps per roster person.
	 */
	public record Issue(IssueStatus status, String code, long waitSeconds, Instant retryAt) {

		public Issue(IssueStatus status, String code, long waitSeconds) {
			this(status, code, waitSeconds, null);
		}

	}

	public enum IssueStatus {

		SENT, COOLDOWN, HOURLY_LIMIT,
		/**
		 * Sign-up only: the roster person was sent 5 codes in the last hour, across
		 * restarts.
		 */
		CAPPED_HOUR,
		/** Sign-up only: the roster person was sent 10 codes in the last 24 hours. */
		CAPPED_DAY

	}

	/**
	 * Where the mail with the newest code stands, for the code page: DELAYED while it is
	 * still unsent after a failed attempt or longer than a send takes, UNDELIVERABLE when
	 * it was given up (failed, or its code expired first), otherwise NORMAL.
	 */
	public enum MailState {

		NORMAL, DELAYED, UNDELIVERABLE

	}

	public enum Outcome {

		ACCEPTED, WRONG, EXPIRED, DEAD, NONE

	}

	/**
	 * The result of checking a code; {@code triesLeft} matters for WRONG; {@code email}
	 * for ACCEPTED.
	 */
	public record Check(Outcome outcome, int triesLeft, String email) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Secrets secrets;

	private final MailDeliveries deliveries;

	EmailCodes(JdbcClient jdbc, Clock clock, Secrets secrets, MailDeliveries deliveries) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.secrets = secrets;
		this.deliveries = deliveries;
	}

	/**
	 * The outbox key of an account's code mails of one purpose: a new code's mail
	 * replaces the unsent mail of the code it supersedes, so a replaced code never
	 * arrives.
	 */
	public static String mailKey(long accountId, Purpose purpose) {
		return "code:" + purpose.name() + ":" + accountId;
	}

	/** Whether the mail with the account's newest code of this purpose has gone out. */
	@Transactional(readOnly = true)
	public MailState mailState(long tenantId, long accountId, Purpose purpose) {
		return deliveries.latest(tenantId, mailKey(accountId, purpose)).map(d -> {
			if (d.undeliverable()) {
				return MailState.UNDELIVERABLE;
			}
			return d.delayed(clock.instant()) ? MailState.DELAYED : MailState.NORMAL;
		}).orElse(MailState.NORMAL);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Issue issue(long tenantId, long accountId, Purpose purpose, String flowId, String email) {
		Instant now = clock.instant();
		Optional<Instant> last = jdbc.sql("""
				select max(issued_at) from member_email_code where tenant_id = ? and account_id = ? and purpose = ?""")
			.params(tenantId, accountId, purpose.name())
			.query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional();
		if (last.isPresent() && last.get().plus(COOLDOWN).isAfter(now)) {
			return new Issue(IssueStatus.COOLDOWN, null,
					Math.max(1, (Duration.between(now, last.get().plus(COOLDOWN)).toMillis() + 999) / 1000));
		}
		int lastHour = jdbc.sql("""
				select count(*) from member_email_code where tenant_id = ? and account_id = ? and purpose = ?
				  and issued_at > ?""")
			.params(tenantId, accountId, purpose.name(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
		if (lastHour >= MAX_SENDS_PER_HOUR) {
			return new Issue(IssueStatus.HOURLY_LIMIT, null, 0);
		}
		jdbc.sql(
				"update member_email_code set superseded = true where tenant_id = ? and account_id = ? and purpose = ?")
			.params(tenantId, accountId, purpose.name())
			.update();
		String code = Secrets.sixDigitCode();
		jdbc.sql(
				"""
						insert into member_email_code (tenant_id, account_id, purpose, flow_id, email, code_hmac, issued_at, expires_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tenantId, accountId, purpose.name(), flowId, email, hash(accountId, purpose, flowId, code),
					Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)))
			.update();
		return new Issue(IssueStatus.SENT, code, 0);
	}

	/**
	 * Checks a typed code (already normalised to digits) against the newest code of this
	 * flow. A wrong entry is counted in a transaction of its own, so it sticks whatever
	 * the caller does next.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Check check(long tenantId, long accountId, Purpose purpose, String flowId, String typed) {
		Instant now = clock.instant();
		record Row(long id, String hmac, String email, Instant expiresAt, int wrong, boolean consumed) {
		}
		Optional<Row> row = jdbc.sql("""
				select id, code_hmac, email, expires_at, wrong_attempts, consumed_at from member_email_code
				where tenant_id = ? and account_id = ? and purpose = ? and flow_id = ? and superseded = false
				order by issued_at desc, id desc fetch first 1 rows only""")
			.params(tenantId, accountId, purpose.name(), flowId)
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("code_hmac"), rs.getString("email"),
					rs.getTimestamp("expires_at").toInstant(), rs.getInt("wrong_attempts"),
					rs.getTimestamp("consumed_at") != null))
			.optional();
		if (row.isEmpty() || row.get().consumed()) {
			return new Check(Outcome.NONE, 0, null);
		}
		Row r = row.get();
		if (r.wrong() >= MAX_WRONG) {
			return new Check(Outcome.DEAD, 0, null);
		}
		if (!now.isBefore(r.expiresAt())) {
			return new Check(Outcome.EXPIRED, 0, null);
		}
		if (Secrets.same(r.hmac(), hash(accountId, purpose, flowId, typed))) {
			jdbc.sql("update member_email_code set consumed_at = ? where id = ?")
				.params(Timestamp.from(now), r.id())
				.update();
			return new Check(Outcome.ACCEPTED, 0, r.email());
		}
		int wrong = r.wrong() + 1;
		jdbc.sql("update member_email_code set wrong_attempts = ? where id = ?").params(wrong, r.id()).update();
		return wrong >= MAX_WRONG ? new Check(Outcome.DEAD, 0, null)
				: new Check(Outcome.WRONG, MAX_WRONG - wrong, null);
	}

	/** The address the newest code of a flow went to. */
	@Transactional(readOnly = true)
	public Optional<String> pendingEmail(long tenantId, long accountId, Purpose purpose, String flowId) {
		return jdbc
			.sql("""
					select email from member_email_code where tenant_id = ? and account_id = ? and purpose = ? and flow_id = ?
					order by issued_at desc, id desc fetch first 1 rows only""")
			.params(tenantId, accountId, purpose.name(), flowId)
			.query(String.class)
			.optional();
	}

	private String hash(long accountId, Purpose purpose, String flowId, String code) {
		return secrets.hmac(purpose.name() + ":" + accountId + ":" + flowId + ":" + code);
	}

}
