package jp.kennin.account;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The help-desk API the administration module builds its staff screens on.
 */
@KenninIntegrationTest
class MemberAccountsIntegrationTests {

	static final MemberAccounts.StaffActor STAFF = new MemberAccounts.StaffActor("helpdesk-1", "TENANT_ADMIN",
			"192.0.2.7");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MemberAccounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void status_follows_the_account_through_registration_lock_and_unlock() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson waiting = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		assertThat(accounts.status(tenant.id(), waiting.id()).state())
			.isEqualTo(RegistrationStatus.State.NOT_REGISTERED);

		Registration member = Registration.register(mvc, fixtures, tenant);
		long id = member.person().id();
		RegistrationStatus registered = accounts.status(tenant.id(), id);
		assertThat(registered.state()).isEqualTo(RegistrationStatus.State.REGISTERED);
		assertThat(registered.userId()).isEqualTo(member.userId());
		assertThat(registered.lastLoginAt()).isNull();
		member.loggedIn(mvc);
		assertThat(accounts.status(tenant.id(), id).lastLoginAt()).isNotNull();

		clock.setInstant(clock.instant());
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 10; i++) {
			client.login(member.userId(), "Wrong#pass" + i);
			clock.advance(Duration.ofMinutes(1));
		}
		RegistrationStatus locked = accounts.status(tenant.id(), id);
		assertThat(locked.state()).isEqualTo(RegistrationStatus.State.LOCKED);
		assertThat(locked.lockedUntil()).isAfter(clock.instant());

		accounts.unlock(tenant.id(), id, STAFF);
		assertThat(accounts.status(tenant.id(), id).state()).isEqualTo(RegistrationStatus.State.REGISTERED);
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
		assertThat(staffEvents(tenant, id)).contains("STAFF_UNLOCKED");
	}

	@Test
	void an_inactive_person_is_shown_as_invalid() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, "x" + (System.nanoTime() % 1_000_000),
				AccountFixtures.uniqueEmail(), false);
		assertThat(accounts.status(tenant.id(), person.id()).state()).isEqualTo(RegistrationStatus.State.INACTIVE);
	}

	@Test
	void another_tenants_person_is_not_found() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		Tenant other = fixtures.tenant();
		assertThatThrownBy(() -> accounts.status(other.id(), member.person().id()))
			.isInstanceOf(NoSuchElementException.class);
		assertThatThrownBy(() -> accounts.reset(other.id(), member.person().id(), STAFF))
			.isInstanceOf(NoSuchElementException.class);
		assertThat(accounts.status(member.tenant().id(), member.person().id()).state())
			.isEqualTo(RegistrationStatus.State.REGISTERED);
	}

	@Test
	void staff_change_the_email_and_both_addresses_are_told() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		String newEmail = AccountFixtures.uniqueEmail();
		accounts.changeEmail(member.tenant().id(), member.person().id(), "　" + newEmail + " ", STAFF);
		assertThat(accounts.status(member.tenant().id(), member.person().id()).email()).isEqualTo(newEmail);
		assertThat(fixtures.lastMailTo(member.email()).subject()).contains("メールアドレスが変更されました");
		assertThat(fixtures.lastMailTo(newEmail).subject()).contains("メールアドレスを登録しました");
		assertThat(staffEvents(member.tenant(), member.person().id())).contains("STAFF_EMAIL_CHANGED");
		assertThatThrownBy(
				() -> accounts.changeEmail(member.tenant().id(), member.person().id(), "not-an-address", STAFF))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void staff_resend_the_sign_up_guidance_to_the_roster_address() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		accounts.resendSignupGuidance(tenant.id(), person.id(), STAFF);
		AccountFixtures.Mail mail = fixtures.lastMailTo(email);
		assertThat(mail.body()).contains("/signup?code=" + tenant.code()).contains("御室 太郎");
		assertThat(mail.from()).isEqualTo(tenant.mailFromAddress());
		assertThat(staffEvents(tenant, person.id())).contains("STAFF_GUIDANCE_SENT");

		RosterPerson noEmail = fixtures.insured(tenant, null);
		assertThatThrownBy(() -> accounts.resendSignupGuidance(tenant.id(), noEmail.id(), STAFF))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void a_reset_account_ends_its_sessions_and_the_member_signs_up_again() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage").andExpect(status().isOk());
		accounts.reset(member.tenant().id(), member.person().id(), STAFF);
		client.get("/mypage").andExpect(status().is3xxRedirection());
		assertThat(accounts.status(member.tenant().id(), member.person().id()).state())
			.isEqualTo(RegistrationStatus.State.NOT_REGISTERED);
		new MemberClient(mvc).post("/signup", SignupIntegrationTests.matchParams(member.tenant(), member.person()))
			.andExpect(redirectedUrl("/signup/account"));
		List<AuditEntry> entries = audit.search(new AuditLog.Query(member.tenant().id(), null, null, "helpdesk-1",
				"roster_person:" + member.person().id(), 10));
		assertThat(entries).extracting(AuditEntry::type).contains("STAFF_ACCOUNT_RESET");
		assertThat(entries.get(0).actorRole()).isEqualTo("TENANT_ADMIN");
		assertThat(entries.get(0).ip()).isEqualTo("192.0.2.7");
	}

	private List<String> staffEvents(Tenant tenant, long personId) {
		return audit.search(new AuditLog.Query(tenant.id(), null, null, "helpdesk-1", "roster_person:" + personId, 20))
			.stream()
			.map(AuditEntry::type)
			.toList();
	}

}
