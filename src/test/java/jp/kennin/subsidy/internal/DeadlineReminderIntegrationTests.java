package jp.kennin.subsidy.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.AccountFixtures.Mail;
import jp.kennin.platform.StaffActor;
import jp.kennin.subsidy.Subsidies;
import jp.kennin.subsidy.SubsidyRules;
import jp.kennin.subsidy.internal.DeadlineReminderRepository.Due;
import jp.kennin.subsidy.internal.PaymentFixture.Household;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder before the claim window closes: a week before the last claim day every
 * member with a draft or a returned claim is mailed once, with the count and the
 * deadline; members whose claims are all sent are not; a second run, another node or a
 * restart sends nothing more; a deadline the insurer moves gets its own reminder.
 */
@KenninIntegrationTest
class DeadlineReminderIntegrationTests {

	@Autowired
	DeadlineReminderJob job;

	@Autowired
	Subsidies subsidies;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountFixtures mails;

	@Autowired
	MutableClock clock;

	Tenant tenant;

	StaffActor admin;

	String unsentEmail;

	String sentEmail;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-12-01T01:00:00Z"));
		tenant = TestTenants.create(tenants, "申請期限テスト健保");
		admin = new StaffActor("deadline-admin", StaffActor.TENANT_ADMIN, tenant.id(), 1, "192.0.2.30");
		// The suggested rules take claims until Sunday 28 February 2027.
		subsidies.saveRules(admin, SubsidyRules.suggested(2026));
		PaymentFixture fixture = new PaymentFixture(jdbc, tenant.id());
		Household unsent = fixture.household("62", "1207", "C03", "仙台支店", "期限　一郎");
		long child = fixture.dependent(unsent, "01", "期限　葵");
		fixture.claim(unsent, child, 2026, "DRAFT", 2_000, null);
		fixture.claim(unsent, unsent.insured(), 2026, "RETURNED", 2_000, Instant.parse("2026-11-30T01:00:00Z"));
		Household sent = fixture.household("62", "1208", "C03", "仙台支店", "期限　次郎");
		fixture.claim(sent, sent.insured(), 2026, "SUBMITTED", 2_000, null);
		unsentEmail = AccountFixtures.uniqueEmail();
		sentEmail = AccountFixtures.uniqueEmail();
		jdbc.sql("update member_account set email = ? where id = ?").params(unsentEmail, unsent.account()).update();
		jdbc.sql("update member_account set email = ? where id = ?").params(sentEmail, sent.account()).update();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_week_before_the_deadline_each_member_with_claims_not_sent_is_mailed_once() {
		// Saturday 20 February, 10:00 in Japan: eight days before.
		clock.setInstant(Instant.parse("2027-02-20T01:00:00Z"));
		assertThat(ours(job.runOnce())).isEmpty();
		assertThat(mails.mailsTo(unsentEmail)).isEmpty();

		// Sunday 21 February: seven days before, the last claim day counted.
		clock.setInstant(Instant.parse("2027-02-21T01:00:00Z"));
		assertThat(ours(job.runOnce())).containsValue(1);

		Mail mail = mails.lastMailTo(unsentEmail);
		assertThat(mail.subject()).isEqualTo("【申請期限テスト健保】インフルエンザ予防接種の補助金の申請期限が近づいています");
		assertThat(mail.body()).contains("期限　一郎 様", "まだ送信されていない申請が2件", "2027年2月28日（日） まで", "/login");
		assertThat(mails.mailsTo(sentEmail)).as("everything sent").isEmpty();
		assertThat(jdbc.sql("""
				select actor_kind || ' ' || actor_id from audit_event
				where tenant_id = ? and type = 'SUBSIDY_DEADLINE_REMINDED' and target = 'subsidy_rules:2026'""")
			.param(tenant.id())
			.query(String.class)
			.single()).isEqualTo("SYSTEM subsidy-deadline-reminder");

		// Another node, the next day's run, a restart: nothing more.
		assertThat(ours(job.runOnce())).isEmpty();
		clock.setInstant(Instant.parse("2027-02-25T01:00:00Z"));
		assertThat(ours(job.runOnce())).isEmpty();
		assertThat(mails.mailsTo(unsentEmail)).hasSize(1);
	}

	@Test
	void a_run_missed_is_made_up_within_the_week_and_a_moved_deadline_is_reminded_again() {
		// The application was down on the 21st; the 26th still reminds.
		clock.setInstant(Instant.parse("2027-02-26T01:00:00Z"));
		assertThat(ours(job.runOnce())).containsValue(1);
		assertThat(mails.mailsTo(unsentEmail)).hasSize(1);

		subsidies.saveRules(admin, TestRules.claimsUntil(LocalDate.of(2027, 3, 15)));
		clock.setInstant(Instant.parse("2027-03-08T01:00:00Z"));
		assertThat(ours(job.runOnce())).containsValue(1);
		assertThat(mails.lastMailTo(unsentEmail).body()).contains("2027年3月15日（月） まで");
		assertThat(mails.mailsTo(unsentEmail)).hasSize(2);

		// Once the window has closed, never.
		clock.setInstant(Instant.parse("2027-03-16T01:00:00Z"));
		jdbc.sql("delete from subsidy_deadline_reminder_run where tenant_id = ?").param(tenant.id()).update();
		assertThat(ours(job.runOnce())).isEmpty();
	}

	/** This test's insurer's reminders (other tests' insurers share the database). */
	private Map<Due, Integer> ours(Map<Due, Integer> sent) {
		sent.keySet().removeIf(due -> due.tenantId() != tenant.id());
		return sent;
	}

}
