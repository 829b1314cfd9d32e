package jp.kennin.account.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
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
 * Sign-up (初回認証): match an active insured person on the roster, create a pending account with the
 * chosen user ID and password, and activate it once the mailed code is confirmed. A pending account
 * expires after 24 hours.
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

	private final EmailCodes codes;

	private final AccountMails mails;

	private final AccountAudit audit;

	private final PasswordEncoder encoder;

	private final Clock clock;

	SignupService(Tenants tenants, Roster roster, AccountRepository accounts, Throttle throttle, EmailCodes codes,
			AccountMails mails, AccountAudit audit, PasswordEncoder encoder, Clock clock) {
		this.tenants = tenants;
		this.roster = roster;
		this.accounts = accounts;
		this.throttle = throttle;
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

	/** Empty if the user ID is taken; otherwise the pending account's ID (a code has been mailed). */
	@Transactional
	public Optional<Long> createPending(Match match, String userId, String password, String email, String ip) {
		RosterPerson person = person(match).orElseThrow();
		accounts.deleteStalePending(userId, match.tenantId(), match.rosterPersonId());
		if (accounts.userIdTaken(userId, match.rosterPersonId())
				|| accounts.findByPerson(match.tenantId(), match.rosterPersonId()).isPresent()) {
			return Optional.empty();
		}
		long id = accounts.createPending(match.tenantId(), match.rosterPersonId(), userId, encoder.encode(password), email,
				clock.instant().plus(PENDING_LIFETIME));
		sendCode(match.withAccount(id), person, ip);
		return Optional.of(id);
	}

	@Transactional
	public EmailCodes.Issue resend(Match match, String ip) {
		return sendCode(match, person(match).orElseThrow(), ip);
	}

	private EmailCodes.Issue sendCode(Match match, RosterPerson person, String ip) {
		MemberAccount account = accounts.findById(match.tenantId(), match.accountId()).orElseThrow();
		EmailCodes.Issue issue = codes.issue(match.tenantId(), account.id(), EmailCodes.Purpose.VERIFY_EMAIL,
				match.flowId(), account.email());
		if (issue.status() == EmailCodes.IssueStatus.SENT) {
			mails.send(tenant(match), account.email(), AccountMails.Template.SIGNUP_CODE, Map.of("name", person.name(),
					"code", issue.code(), "expires",
					JapanTime.formatDateTime(clock.instant().plus(EmailCodes.VALIDITY))));
			audit.member(AccountAuditEvent.CODE_SENT, account, ip, Map.of("purpose", "VERIFY_EMAIL"));
		}
		return issue;
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
