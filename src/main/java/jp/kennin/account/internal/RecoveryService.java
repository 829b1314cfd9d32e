package jp.kennin.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.TenantCode;
import jp.kennin.tenant.Tenants;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten password (a single-use link, 30 minutes, only the newest one works; see
 * {@link ResetLinks}) and forgotten user ID (mailed, never shown). The caller shows the
 * same answer whatever happened here, so these methods return nothing to show.
 */
@Service
public class RecoveryService {

	public static final Duration RESET_VALIDITY = ResetLinks.VALIDITY;

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final AccountMails mails;

	private final AccountAudit audit;

	private final Throttle throttle;

	private final MemberSessions sessions;

	private final PasswordEncoder encoder;

	private final ResetLinks resetLinks;

	private final Clock clock;

	RecoveryService(AccountRepository accounts, Roster roster, Tenants tenants, AccountMails mails, AccountAudit audit,
			Throttle throttle, MemberSessions sessions, PasswordEncoder encoder, ResetLinks resetLinks, Clock clock) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.mails = mails;
		this.audit = audit;
		this.throttle = throttle;
		this.sessions = sessions;
		this.encoder = encoder;
		this.resetLinks = resetLinks;
		this.clock = clock;
	}

	/** False only when the IP asked too often (the page then asks to wait). */
	@Transactional
	public boolean requestPasswordReset(String userId, String email, String ip) {
		if (throttle.exceeded(Throttle.Rule.RECOVERY_IP, String.valueOf(ip))) {
			return false;
		}
		throttle.hit(Throttle.Rule.RECOVERY_IP, String.valueOf(ip));
		String target = "pw|" + AccountRepository.key(userId);
		// An inactive insured person could not log in with a new password: nothing to
		// send.
		Optional<MemberAccount> account = accounts.findByUserId(userId)
			.filter(a -> a.status() == MemberAccount.Status.ACTIVE)
			.filter(a -> a.email().equalsIgnoreCase(InputNormalizer.email(email)))
			.filter(a -> accounts.usable(a.tenantId(), a.id()));
		if (account.isEmpty() || throttle.exceeded(Throttle.Rule.RECOVERY_TARGET, target)) {
			audit.anonymousNow(AccountAuditEvent.PASSWORD_RESET_REQUESTED, null, userId, ip, Map.of("sent", "false"));
			return true;
		}
		throttle.hit(Throttle.Rule.RECOVERY_TARGET, target);
		MemberAccount a = account.get();
		String token = resetLinks.issue(a);
		Tenant tenant = tenants.findById(a.tenantId()).orElseThrow();
		mails.send(tenant, a.email(), AccountMails.Template.PASSWORD_RESET_LINK,
				Map.of("name", name(a), "link", "{baseUrl}/reset-password?token=" + token, "expires",
						JapanTime.formatDateTime(clock.instant().plus(RESET_VALIDITY))));
		audit.member(AccountAuditEvent.PASSWORD_RESET_REQUESTED, a, ip, Map.of("sent", "true"));
		return true;
	}

	/**
	 * The account a still valid, unused reset token belongs to (only the newest link of
	 * an account is).
	 */
	@Transactional(readOnly = true)
	public Optional<MemberAccount> accountForToken(String token) {
		return resetLinks.accountFor(token);
	}

	/**
	 * Sets the new password, spends the token (and any other link) and ends every session
	 * of the member.
	 */
	@Transactional
	public boolean resetPassword(String token, String newPassword, String ip) {
		Optional<MemberAccount> found = accountForToken(token);
		if (found.isEmpty() || !resetLinks.spend(token)) {
			return false;
		}
		MemberAccount a = found.get();
		resetLinks.revokeAll(a);
		accounts.changePassword(a.tenantId(), a.id(), encoder.encode(newPassword));
		sessions.endAll(a.userId(), null);
		mails.send(tenants.findById(a.tenantId()).orElseThrow(), a.email(), AccountMails.Template.PASSWORD_RESET_DONE,
				Map.of("name", name(a), "when", JapanTime.formatDateTime(clock.instant())));
		audit.member(AccountAuditEvent.PASSWORD_RESET, a, ip, Map.of());
		return true;
	}

	/**
	 * Mails the user ID if the roster data match a registered member. False only when
	 * throttled.
	 */
	@Transactional
	public boolean remindUserId(String tenantCode, String kigo, String bango, LocalDate birthDate, String ip) {
		if (throttle.exceeded(Throttle.Rule.RECOVERY_IP, String.valueOf(ip))) {
			return false;
		}
		throttle.hit(Throttle.Rule.RECOVERY_IP, String.valueOf(ip));
		String k = InputNormalizer.halfWidth(kigo);
		String b = InputNormalizer.halfWidth(bango);
		String target = "id|" + TenantCode.normalize(tenantCode) + "|" + k + "|" + b.toLowerCase(Locale.ROOT);
		Optional<Tenant> tenant = tenants.findByCode(tenantCode);
		Optional<MemberAccount> account = tenant.flatMap(t -> roster.findInsured(t.id(), k, b))
			.filter(RosterPerson::active)
			.filter(p -> p.birthDate().equals(birthDate))
			.flatMap(p -> accounts.findByPerson(p.tenantId(), p.id()))
			.filter(a -> a.status() == MemberAccount.Status.ACTIVE);
		if (account.isEmpty() || throttle.exceeded(Throttle.Rule.RECOVERY_TARGET, target)) {
			audit.anonymousNow(AccountAuditEvent.USER_ID_REMINDER_SENT, tenant.map(Tenant::id).orElse(null), target, ip,
					Map.of("sent", "false"));
			return true;
		}
		throttle.hit(Throttle.Rule.RECOVERY_TARGET, target);
		MemberAccount a = account.get();
		mails.send(tenant.get(), a.email(), AccountMails.Template.USER_ID_REMINDER,
				Map.of("name", name(a), "userId", a.userId()));
		audit.member(AccountAuditEvent.USER_ID_REMINDER_SENT, a, ip, Map.of("sent", "true"));
		return true;
	}

	private String name(MemberAccount a) {
		return roster.findById(a.tenantId(), a.rosterPersonId()).map(RosterPerson::name).orElse("");
	}

}
