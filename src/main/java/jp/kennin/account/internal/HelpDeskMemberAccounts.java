package jp.kennin.account.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.kennin.account.AccountAuditEvent;
import jp.kennin.account.MemberAccounts;
import jp.kennin.account.RegistrationStatus;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class HelpDeskMemberAccounts implements MemberAccounts {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private final AccountRepository accounts;

	private final Roster roster;

	private final Tenants tenants;

	private final MyPageService myPage;

	private final AccountMails mails;

	private final MemberSessions sessions;

	private final AccountAudit audit;

	private final Clock clock;

	HelpDeskMemberAccounts(AccountRepository accounts, Roster roster, Tenants tenants, MyPageService myPage,
			AccountMails mails, MemberSessions sessions, AccountAudit audit, Clock clock) {
		this.accounts = accounts;
		this.roster = roster;
		this.tenants = tenants;
		this.myPage = myPage;
		this.mails = mails;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public RegistrationStatus status(long tenantId, long rosterPersonId) {
		RosterPerson person = insured(tenantId, rosterPersonId);
		Optional<MemberAccount> account = active(tenantId, rosterPersonId);
		if (!person.active()) {
			return new RegistrationStatus(RegistrationStatus.State.INACTIVE,
					account.map(MemberAccount::userId).orElse(null), account.map(MemberAccount::email).orElse(null),
					account.map(MemberAccount::lastLoginAt).orElse(null), null);
		}
		if (account.isEmpty()) {
			return new RegistrationStatus(RegistrationStatus.State.NOT_REGISTERED, null, null, null, null);
		}
		MemberAccount a = account.get();
		boolean locked = a.lockedAt(clock.instant());
		return new RegistrationStatus(locked ? RegistrationStatus.State.LOCKED : RegistrationStatus.State.REGISTERED,
				a.userId(), a.email(), a.lastLoginAt(), locked ? a.lockedUntil() : null);
	}

	@Override
	public void unlock(long tenantId, long rosterPersonId, StaffActor actor) {
		MemberAccount a = required(tenantId, rosterPersonId);
		accounts.unlock(tenantId, a.id());
		audit.staff(AccountAuditEvent.STAFF_UNLOCKED, tenantId, rosterPersonId, actor.loginId(), actor.role(),
				actor.ip(), details(actor, a));
	}

	@Override
	public void changeEmail(long tenantId, long rosterPersonId, String newEmail, StaffActor actor) {
		String email = InputNormalizer.email(newEmail);
		if (!EMAIL.matcher(email).matches()) {
			throw new IllegalArgumentException("malformed email address");
		}
		MemberAccount a = required(tenantId, rosterPersonId);
		myPage.changeEmail(a, email, insured(tenantId, rosterPersonId).name());
		audit.staff(AccountAuditEvent.STAFF_EMAIL_CHANGED, tenantId, rosterPersonId, actor.loginId(), actor.role(),
				actor.ip(), details(actor, a));
	}

	@Override
	public void resendSignupGuidance(long tenantId, long rosterPersonId, StaffActor actor) {
		RosterPerson person = insured(tenantId, rosterPersonId);
		if (person.email() == null || person.email().isBlank()) {
			throw new IllegalStateException("the roster has no email address for this person");
		}
		if (active(tenantId, rosterPersonId).isPresent()) {
			throw new IllegalStateException("the person is already registered");
		}
		Tenant tenant = tenants.findById(tenantId).orElseThrow();
		mails.send(tenant, person.email(), AccountMails.Template.SIGNUP_GUIDANCE, Map.of("name", person.name()));
		audit.staff(AccountAuditEvent.STAFF_GUIDANCE_SENT, tenantId, rosterPersonId, actor.loginId(), actor.role(),
				actor.ip(), details(actor, null));
	}

	@Override
	public void reset(long tenantId, long rosterPersonId, StaffActor actor) {
		insured(tenantId, rosterPersonId);
		accounts.findByPerson(tenantId, rosterPersonId).ifPresent(a -> {
			accounts.delete(tenantId, a.id());
			sessions.endAll(a.userId(), null);
			audit.staff(AccountAuditEvent.STAFF_ACCOUNT_RESET, tenantId, rosterPersonId, actor.loginId(), actor.role(),
					actor.ip(), details(actor, a));
		});
	}

	private static Map<String, String> details(StaffActor actor, MemberAccount account) {
		Map<String, String> details = new LinkedHashMap<>();
		if (account != null) {
			details.put("account", String.valueOf(account.id()));
		}
		if (actor.reason() != null && !actor.reason().isBlank()) {
			details.put("reason", actor.reason().strip());
		}
		return details;
	}

	private RosterPerson insured(long tenantId, long rosterPersonId) {
		return roster.findById(tenantId, rosterPersonId)
			.filter(RosterPerson::insured)
			.orElseThrow(() -> new NoSuchElementException("no insured person " + rosterPersonId + " in this tenant"));
	}

	private Optional<MemberAccount> active(long tenantId, long rosterPersonId) {
		return accounts.findByPerson(tenantId, rosterPersonId).filter(a -> a.status() == MemberAccount.Status.ACTIVE);
	}

	private MemberAccount required(long tenantId, long rosterPersonId) {
		insured(tenantId, rosterPersonId);
		return active(tenantId, rosterPersonId)
			.orElseThrow(() -> new IllegalStateException("the person has no registered account"));
	}

}
