package jp.kennin.account.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jp.kennin.account.AccountAuditEvent;

import org.springframework.stereotype.Component;

/**
 * The sign-up limits that must hold across restarts of the sign-up (a restart makes a new
 * pending account, so limits per account alone do not): the codes mailed to one roster
 * person ({@link Throttle.Rule#SIGNUP_CODE_HOUR}, {@link Throttle.Rule#SIGNUP_CODE_DAY}),
 * and the 「already taken」 answers of step 2, which tell whether a user ID exists in any
 * insurer (per browser session, per matched roster person, which a new session does not
 * reset, and per IP). All are counted in the database, so every node sees the same
 * counts.
 */
@Component
class SignupLimits {

	private final Throttle throttle;

	private final AccountAudit audit;

	SignupLimits(Throttle throttle, AccountAudit audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * When step 2 may check user IDs again (the latest end of any limit reached); empty
	 * if it may now.
	 */
	Optional<Instant> userIdChecksBlockedUntil(SignupService.Match match, String sessionKey, String ip) {
		Optional<Instant> until = userIdKeys(match, sessionKey, ip).entrySet()
			.stream()
			.map(e -> throttle.blockedUntil(e.getKey(), e.getValue()))
			.flatMap(Optional::stream)
			.max(Instant::compareTo);
		until.ifPresent(at -> audit.personNow(AccountAuditEvent.SIGNUP_USER_ID_THROTTLED, match.tenantId(),
				match.rosterPersonId(), ip, Map.of("until", at.toString())));
		return until;
	}

	void countTaken(SignupService.Match match, String sessionKey, String ip) {
		userIdKeys(match, sessionKey, ip).forEach(throttle::hit);
	}

	/**
	 * A refusal (audited) if no code may be mailed to the person now. The daily cap is
	 * asked first, since its end is the later one.
	 */
	Optional<EmailCodes.Issue> codeCap(SignupService.Match match, String ip) {
		String key = personKey(match);
		Optional<EmailCodes.Issue> capped = throttle.blockedUntil(Throttle.Rule.SIGNUP_CODE_DAY, key)
			.map(at -> new EmailCodes.Issue(EmailCodes.IssueStatus.CAPPED_DAY, null, 0, at))
			.or(() -> throttle.blockedUntil(Throttle.Rule.SIGNUP_CODE_HOUR, key)
				.map(at -> new EmailCodes.Issue(EmailCodes.IssueStatus.CAPPED_HOUR, null, 0, at)));
		capped.ifPresent(issue -> audit.personNow(AccountAuditEvent.SIGNUP_CODE_CAPPED, match.tenantId(),
				match.rosterPersonId(), ip, Map.of("cap", issue.status().name(), "until", issue.retryAt().toString())));
		return capped;
	}

	/** A code was mailed: one row counts for both caps (they share the scope). */
	void countCode(SignupService.Match match) {
		throttle.hit(Throttle.Rule.SIGNUP_CODE_HOUR, personKey(match));
	}

	/** What each step-2 rule counts by (keys are stored as HMACs, apart per rule). */
	private static Map<Throttle.Rule, String> userIdKeys(SignupService.Match match, String sessionKey, String ip) {
		return Map.of(Throttle.Rule.SIGNUP_USER_ID_SESSION, String.valueOf(sessionKey),
				Throttle.Rule.SIGNUP_USER_ID_PERSON, personKey(match), Throttle.Rule.SIGNUP_USER_ID_IP,
				String.valueOf(ip));
	}

	private static String personKey(SignupService.Match match) {
		return match.tenantId() + "|" + match.rosterPersonId();
	}

}
