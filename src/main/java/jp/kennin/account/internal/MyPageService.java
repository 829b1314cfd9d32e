package jp.kennin.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.platform.JapanTime;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * マイページ: the member changes their email address (the current password is required, then a
 * code sent to the new address confirms it, the old one is told) and their password (the
 * current one is required; other sessions end).
 */
@Service
public class MyPageService {

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final EmailCodes codes;

	private final AccountMails mails;

	private final AccountAudit audit;

	private final MemberSessions sessions;

	private final PasswordEncoder encoder;

	private final PasswordAttempts attempts;

	private final ResetLinks resetLinks;

	private final Clock clock;

	MyPageService(AccountRepository accounts, Roster roster, Tenants tenants, EmailCodes codes, AccountMails mails,
			AccountAudit audit, MemberSessions sessions, PasswordEncoder encoder, PasswordAttempts attempts,
			ResetLinks resetLinks, Clock clock) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.codes = codes;
		this.mails = mails;
		this.audit = audit;
		this.sessions = sessions;
		this.encoder = encoder;
		this.attempts = attempts;
		this.resetLinks = resetLinks;
		this.clock = clock;
	}

	public MemberAccount account(MemberPrincipal member) {
		return accounts.findById(member.tenantId(), member.accountId()).orElseThrow();
	}

	public RosterPerson person(MemberPrincipal member) {
		return roster.findById(member.tenantId(), member.rosterPersonId()).orElseThrow();
	}

	public Tenant tenant(MemberPrincipal member) {
		return tenants.findById(member.tenantId()).orElseThrow();
	}

	/**
	 * The outcome of a change that needs the current password: {@code verdict} tells
	 * whether the password was right; only then is {@code issue} (the code sent to the
	 * new address) set.
	 */
	public record EmailChange(PasswordAttempts.Verdict verdict, EmailCodes.Issue issue) {
	}

	/**
	 * Sends a code to the new address once the current password is right. Wrong current
	 * passwords count with the login's failures; the one that locks the account ends all
	 * its sessions ({@link #refuse}).
	 */
	@Transactional
	public EmailChange requestEmailChange(MemberPrincipal member, String currentPassword, String newEmail,
			String flowId, String ip) {
		MemberAccount account = account(member);
		PasswordAttempts.Verdict verdict = confirmCurrent(account, currentPassword, ip);
		if (verdict.outcome() != PasswordAttempts.Outcome.CORRECT) {
			return new EmailChange(verdict, null);
		}
		return new EmailChange(verdict, sendEmailChangeCode(member, account, newEmail, flowId, ip));
	}

	private EmailCodes.Issue sendEmailChangeCode(MemberPrincipal member, MemberAccount account, String newEmail,
			String flowId, String ip) {
		EmailCodes.Issue issue = codes.issue(member.tenantId(), account.id(), EmailCodes.Purpose.CHANGE_EMAIL, flowId,
				newEmail);
		if (issue.status() == EmailCodes.IssueStatus.SENT) {
			Instant expires = clock.instant().plus(EmailCodes.VALIDITY);
			mails.sendCode(tenant(member), newEmail, AccountMails.Template.EMAIL_CHANGE_CODE,
					Map.of("name", member.name(), "code", issue.code(), "expires", JapanTime.formatDateTime(expires)),
					expires, EmailCodes.mailKey(account.id(), EmailCodes.Purpose.CHANGE_EMAIL));
			audit.member(AccountAuditEvent.CODE_SENT, account, ip, Map.of("purpose", "CHANGE_EMAIL"));
		}
		return issue;
	}

	/**
	 * The current password, checked with the login's brute-force rules. A right one
	 * starts the failure count again; the wrong one that locks the account ends every
	 * session of the member, this one included: ten wrong passwords inside a logged-in
	 * session suggest someone else at the member's device, and the login stays locked for
	 * 15 minutes anyway. An account already locked (e.g. by failed logins elsewhere) only
	 * refuses the change until the lock passes; the member's session goes on.
	 */
	private PasswordAttempts.Verdict confirmCurrent(MemberAccount account, String currentPassword, String ip) {
		PasswordAttempts.Verdict verdict = attempts.check(account, currentPassword, ip,
				AccountAuditEvent.CURRENT_PASSWORD_FAILED);
		if (verdict.outcome() == PasswordAttempts.Outcome.CORRECT) {
			accounts.resetFailures(account.tenantId(), account.id());
		}
		else if (verdict.outcome() == PasswordAttempts.Outcome.LOCKED_NOW) {
			sessions.endAll(account.userId(), null);
		}
		return verdict;
	}

	/** Whether the mail with the newest e-mail change code has gone out. */
	@Transactional(readOnly = true)
	public EmailCodes.MailState codeMailState(MemberPrincipal member) {
		return codes.mailState(member.tenantId(), member.accountId(), EmailCodes.Purpose.CHANGE_EMAIL);
	}

	/** The address a still pending change of this flow goes to. */
	public Optional<String> pendingEmail(MemberPrincipal member, String flowId) {
		return codes.pendingEmail(member.tenantId(), member.accountId(), EmailCodes.Purpose.CHANGE_EMAIL, flowId);
	}

	/** Resends the code to the address of the pending change. */
	@Transactional
	public EmailCodes.Issue resendEmailChange(MemberPrincipal member, String flowId, String ip) {
		String email = codes
			.pendingEmail(member.tenantId(), member.accountId(), EmailCodes.Purpose.CHANGE_EMAIL, flowId)
			.orElseThrow();
		return sendEmailChangeCode(member, account(member), email, flowId, ip);
	}

	@Transactional
	public EmailCodes.Check confirmEmailChange(MemberPrincipal member, String flowId, String typedCode, String ip) {
		MemberAccount account = account(member);
		EmailCodes.Check check = codes.check(member.tenantId(), account.id(), EmailCodes.Purpose.CHANGE_EMAIL, flowId,
				InputNormalizer.digits(typedCode));
		if (check.outcome() != EmailCodes.Outcome.ACCEPTED) {
			audit.memberNow(AccountAuditEvent.CODE_FAILED, account, ip, Map.of("outcome", check.outcome().name()));
			return check;
		}
		changeEmail(account, check.email(), member.name());
		audit.member(AccountAuditEvent.EMAIL_CHANGED, account, ip, Map.of("by", "member"));
		return check;
	}

	/** Changes the address and tells both addresses. Shared with the help-desk API. */
	void changeEmail(MemberAccount account, String newEmail, String name) {
		accounts.changeEmail(account.tenantId(), account.id(), newEmail);
		Tenant tenant = tenants.findById(account.tenantId()).orElseThrow();
		String when = JapanTime.formatDateTime(clock.instant());
		mails.send(tenant, account.email(), AccountMails.Template.EMAIL_CHANGED_OLD,
				Map.of("name", name, "when", when, "maskedEmail", mask(newEmail)));
		mails.send(tenant, newEmail, AccountMails.Template.EMAIL_CHANGED_NEW, Map.of("name", name, "when", when));
	}

	/**
	 * Changes the password if the current one is right (verdict CORRECT); other sessions
	 * end, reset links die and a notice is mailed. See {@link #confirmCurrent} for wrong
	 * current passwords.
	 */
	@Transactional
	public PasswordAttempts.Verdict changePassword(MemberPrincipal member, String current, String newPassword,
			String sessionId, String ip) {
		MemberAccount account = account(member);
		PasswordAttempts.Verdict verdict = confirmCurrent(account, current, ip);
		if (verdict.outcome() != PasswordAttempts.Outcome.CORRECT) {
			return verdict;
		}
		accounts.changePassword(member.tenantId(), account.id(), encoder.encode(newPassword));
		resetLinks.revokeAll(account);
		sessions.endAll(account.userId(), sessionId);
		mails.send(tenant(member), account.email(), AccountMails.Template.PASSWORD_CHANGED,
				Map.of("name", member.name(), "when", JapanTime.formatDateTime(clock.instant())));
		audit.member(AccountAuditEvent.PASSWORD_CHANGED, account, ip, Map.of());
		return verdict;
	}

	/**
	 * "taro.omuro@example.jp" → "ta***@example.jp": enough to recognise, not to harvest.
	 */
	static String mask(String email) {
		int at = email.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.substring(0, Math.min(2, at)) + "***" + email.substring(at);
	}

}
