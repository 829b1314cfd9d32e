package jp.kennin.account.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.KanaName;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantCode;
import jp.kennin.tenant.Tenants;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up (初回認証): match an active insured person on the roster, create a pending account
 * with the chosen user ID and password, and activate it once the mailed code is
 * confirmed. A pending account expires after 24 hours.
 */
@Service
public class SignupService {

	public static final Duration PENDING_LIFETIME = Duration.ofHours(24);

	/** The matched person, kept in the sign-up session between the steps. */
	public record Match(long tenantId, long rosterPersonId, String flowId, Long accountId) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		public Match withAccount(long id) {
			return new Match(tenantId, rosterPersonId, flowId, id);
		}

	}

	public enum MatchResult {

		MATCHED, NO_MATCH, THROTTLED, ALREADY_REGISTERED

	}

	public record MatchOutcome(MatchResult result, Match match) {
	}

	public record Typed(String tenantCode, String kigo, String bango, LocalDate birthDate, String kanaName) {
	}

	private final Tenants tenants;

	private final Roster roster;

	private final AccountRepository accounts;

	private final Throttle throttle;

	private final SignupLimits limits;

	private final EmailCodes codes;

	private final AccountMails mails;

	private final AccountAudit audit;

	private final PasswordEncoder encoder;

	private final Clock clock;

	SignupService(Tenants tenants, Roster roster, AccountRepository accounts, Throttle throttle, SignupLimits limits,
			EmailCodes codes, AccountMails mails, AccountAudit audit, PasswordEncoder encoder, Clock clock) {
		this.tenants = tenants;
		this.roster = roster;
		this.accounts = accounts;
		this.throttle = throttle;
		this.limits = limits;
		this.codes = codes;
		this.mails = mails;
		this.audit = audit;
		this.encoder = encoder;
		this.clock = clock;
	}

	public MatchOutcome match(Typed typed, String ip) {
		String code = TenantCode.normalize(typed.tenantCode());
		String kigo = InputNormalizer.halfWidth(typed.kigo());
		String bango = InputNormalizer.halfWidth(typed.bango());
		Optional<Tenant> tenant = tenants.findByCode(code);
		String personKey = code + "|" + kigo.toLowerCase(Locale.ROOT) + "|" + bango.toLowerCase(Locale.ROOT);
		Long tenantId = tenant.map(Tenant::id).orElse(null);
		if (throttle.exceeded(Throttle.Rule.SIGNUP_IP, String.valueOf(ip))
				|| throttle.exceeded(Throttle.Rule.SIGNUP_PERSON, personKey)) {
			audit.anonymousNow(AccountAuditEvent.SIGNUP_MATCH_THROTTLED, tenantId, personKey, ip, Map.of());
			return new MatchOutcome(MatchResult.THROTTLED, null);
		}
		Optional<RosterPerson> person = tenant.flatMap(t -> findInsured(t.id(), kigo, bango))
			.filter(RosterPerson::active)
			.filter(p -> p.birthDate().equals(typed.birthDate()))
			.filter(p -> KanaName.key(p.nameKana()).equals(KanaName.key(typed.kanaName())));
		if (person.isEmpty()) {
			throttle.hit(Throttle.Rule.SIGNUP_IP, String.valueOf(ip));
			throttle.hit(Throttle.Rule.SIGNUP_PERSON, personKey);
			audit.anonymousNow(AccountAuditEvent.SIGNUP_MATCH_FAILED, tenantId, personKey, ip, Map.of());
			return new MatchOutcome(MatchResult.NO_MATCH, null);
		}
		RosterPerson p = person.get();
		boolean registered = accounts.findByPerson(p.tenantId(), p.id())
			.filter(a -> a.status() == MemberAccount.Status.ACTIVE)
			.isPresent();
		Match match = new Match(p.tenantId(), p.id(), Secrets.token(), null);
		return new MatchOutcome(registered ? MatchResult.ALREADY_REGISTERED : MatchResult.MATCHED, match);
	}

	/** 記号/番号 as the roster holds them; letters may have been typed in the other case. */
	private Optional<RosterPerson> findInsured(long tenantId, String kigo, String bango) {
		return Stream.of(bango, bango.toLowerCase(Locale.ROOT), bango.toUpperCase(Locale.ROOT))
			.distinct()
			.map(b -> roster.findInsured(tenantId, kigo, b))
			.flatMap(Optional::stream)
			.findFirst();
	}

	public Optional<RosterPerson> person(Match match) {
		return roster.findById(match.tenantId(), match.rosterPersonId()).filter(p -> p.insured() && p.active());
	}

	public Optional<Tenant> tenantByCode(String typedCode) {
		return TenantCode.parse(typedCode).flatMap(tenants::findByCode);
	}

	public Tenant tenant(Match match) {
		return tenants.findById(match.tenantId()).orElseThrow();
	}

	/**
	 * The outcome of step 2. {@code accountId} is set for CREATED (a code has been
	 * mailed); {@code retryAt} for the refusals that end at a known time.
	 */
	public record Pending(Status status, Long accountId, Instant retryAt) {

		public enum Status {

			CREATED,
			/** Another live account holds the user ID (in any tenant). */
			TAKEN,
			/**
			 * Too many 「taken」 answers for this session, roster person or IP: the user ID
			 * was not checked.
			 */
			USER_ID_THROTTLED,
			/**
			 * The roster person's sign-up code caps are reached: nothing was created or
			 * mailed.
			 */
			CAPPED_HOUR, CAPPED_DAY

		}

		static Pending of(Status status, Instant retryAt) {
			return new Pending(status, null, retryAt);
		}

	}

	/**
	 * Step 2: holds the user ID with a pending account and mails the code, within the
	 * {@link SignupLimits}: over the limit of 「taken」 answers the user ID is not checked
	 * at all, and over the code caps nothing is created or mailed.
	 * @param sessionKey the browser session's ID
	 */
	@Transactional
	public Pending createPending(Match match, String sessionKey, String typedUserId, String password, String email,
			String ip) {
		RosterPerson person = person(match).orElseThrow();
		String userId = InputNormalizer.userId(typedUserId);
		Optional<Instant> throttled = limits.userIdChecksBlockedUntil(match, sessionKey, ip);
		if (throttled.isPresent()) {
			return Pending.of(Pending.Status.USER_ID_THROTTLED, throttled.get());
		}
		Optional<EmailCodes.Issue> capped = limits.codeCap(match, ip);
		if (capped.isPresent()) {
			return Pending.of(capped.get().status() == EmailCodes.IssueStatus.CAPPED_DAY ? Pending.Status.CAPPED_DAY
					: Pending.Status.CAPPED_HOUR, capped.get().retryAt());
		}
		accounts.deleteStalePending(userId, match.tenantId(), match.rosterPersonId());
		if (accounts.userIdTaken(userId, match.rosterPersonId())
				|| accounts.findByPerson(match.tenantId(), match.rosterPersonId()).isPresent()) {
			limits.countTaken(match, sessionKey, ip);
			return Pending.of(Pending.Status.TAKEN, null);
		}
		long id = accounts.createPending(match.tenantId(), match.rosterPersonId(), userId, encoder.encode(password),
				email, clock.instant().plus(PENDING_LIFETIME));
		sendCode(match.withAccount(id), person, ip);
		return new Pending(Pending.Status.CREATED, id, null);
	}

	@Transactional
	public EmailCodes.Issue resend(Match match, String ip) {
		return sendCode(match, person(match).orElseThrow(), ip);
	}

	/**
	 * Whether the member typed the address at step 2 (the roster had none), and so may
	 * correct it at step 3.
	 */
	public boolean emailTypedByMember(Match match) {
		return person(match).map(p -> p.email() == null || p.email().isBlank()).orElse(false);
	}

	/**
	 * Step 3: replaces a mistyped address with a new code sent to it. The resend cooldown
	 * and the code caps apply as to a resend; when they refuse, the pending address stays
	 * as it was.
	 * @throws IllegalStateException when the roster holds the address (the member did not
	 * type it)
	 */
	@Transactional
	public EmailCodes.Issue correctEmail(Match match, String typedEmail, String ip) {
		if (!emailTypedByMember(match) || pendingAccount(match).isEmpty()) {
			throw new IllegalStateException("no typed address to correct");
		}
		String email = InputNormalizer.email(typedEmail);
		MemberAccount account = pendingAccount(match).orElseThrow();
		EmailCodes.Issue issue = sendCode(match, person(match).orElseThrow(), ip, email);
		if (issue.status() == EmailCodes.IssueStatus.SENT) {
			accounts.changeEmail(match.tenantId(), account.id(), email);
			audit.member(AccountAuditEvent.EMAIL_CHANGED, account, ip, Map.of("by", "member", "step", "signup"));
		}
		return issue;
	}

	private EmailCodes.Issue sendCode(Match match, RosterPerson person, String ip) {
		MemberAccount account = accounts.findById(match.tenantId(), match.accountId()).orElseThrow();
		return sendCode(match, person, ip, account.email());
	}

	private EmailCodes.Issue sendCode(Match match, RosterPerson person, String ip, String email) {
		Optional<EmailCodes.Issue> capped = limits.codeCap(match, ip);
		if (capped.isPresent()) {
			return capped.get();
		}
		MemberAccount account = accounts.findById(match.tenantId(), match.accountId()).orElseThrow();
		EmailCodes.Issue issue = codes.issue(match.tenantId(), account.id(), EmailCodes.Purpose.VERIFY_EMAIL,
				match.flowId(), email);
		if (issue.status() == EmailCodes.IssueStatus.SENT) {
			limits.countCode(match);
			Instant expires = clock.instant().plus(EmailCodes.VALIDITY);
			mails.sendCode(tenant(match), email, AccountMails.Template.SIGNUP_CODE,
					Map.of("name", person.name(), "code", issue.code(), "expires", JapanTime.formatDateTime(expires)),
					expires, EmailCodes.mailKey(account.id(), EmailCodes.Purpose.VERIFY_EMAIL));
			audit.member(AccountAuditEvent.CODE_SENT, account, ip, Map.of("purpose", "VERIFY_EMAIL"));
		}
		return issue;
	}

	/** Whether the mail with the newest sign-up code has gone out. */
	@Transactional(readOnly = true)
	public EmailCodes.MailState codeMailState(Match match) {
		return match.accountId() == null ? EmailCodes.MailState.NORMAL
				: codes.mailState(match.tenantId(), match.accountId(), EmailCodes.Purpose.VERIFY_EMAIL);
	}

	public Optional<MemberAccount> pendingAccount(Match match) {
		return match.accountId() == null ? Optional.empty()
				: accounts.findById(match.tenantId(), match.accountId())
					.filter(a -> a.status() == MemberAccount.Status.PENDING)
					.filter(a -> a.pendingUntil().isAfter(clock.instant()));
	}

	/** Checks the code; on success the account becomes usable. */
	@Transactional
	public EmailCodes.Check confirm(Match match, String typedCode, String ip) {
		MemberAccount account = pendingAccount(match).orElse(null);
		if (account == null) {
			return new EmailCodes.Check(EmailCodes.Outcome.NONE, 0, null);
		}
		EmailCodes.Check check = codes.check(match.tenantId(), account.id(), EmailCodes.Purpose.VERIFY_EMAIL,
				match.flowId(), InputNormalizer.digits(typedCode));
		if (check.outcome() == EmailCodes.Outcome.ACCEPTED) {
			activate(account, ip);
		}
		else {
			audit.memberNow(AccountAuditEvent.CODE_FAILED, account, ip, Map.of("outcome", check.outcome().name()));
		}
		return check;
	}

	private void activate(MemberAccount account, String ip) {
		accounts.activate(account.tenantId(), account.id());
		audit.member(AccountAuditEvent.SIGNUP_COMPLETED, account, ip, Map.of());
	}

}
