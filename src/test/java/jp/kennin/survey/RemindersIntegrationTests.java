package jp.kennin.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.notification.MailBounced;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders pick their recipients when they run, each scheduled slot runs once however
 * many schedulers try it, 「今すぐ督促」 queues exactly the count staff confirmed, and the
 * household's journal lists what was sent.
 */
@KenninIntegrationTest
class RemindersIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	/** 3 days before the deadline (2026-09-17), 10:00 Japan time: a default slot. */
	private static final Instant SLOT = Instant.parse("2026-09-14T01:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignReminders reminders;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher publisher;

	private Tenant tenant;

	private String member;

	private String guide;

	private String letter;

	private String submitted;

	private String returned;

	private long campaign;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "督促テスト健保");
		member = household("rem-roster-" + SEQ.get() + "@example.jp", "会員 花子", "100");
		account(member, "rem-member-" + SEQ.get() + "@example.jp");
		guide = household("rem-guide-" + SEQ.get() + "@example.jp", "未登録 次郎", "200");
		letter = household(null, "郵送 三郎", "200");
		submitted = household(null, "提出 四郎", "100");
		account(submitted, "rem-submitted-" + SEQ.get() + "@example.jp");
		returned = household(null, "差戻 五郎", "100");
		account(returned, "rem-returned-" + SEQ.get() + "@example.jp");
		campaign = campaigns.create(tenant.id(), CampaignIntegrationTests.draft(spouses()));
		campaigns.open(tenant.id(), campaign);
		formStatus(returned, "RETURNED");
	}

	@AfterEach
	void cleanUp() {
		clock.reset();
		// Never leave this class's mails pending in the outbox the whole run shares.
		jdbc.sql("delete from mail_outbox where tenant_id = ? and status = 'PENDING'").param(tenant.id()).update();
	}

	@Test
	void a_scheduled_run_reminds_only_households_not_handed_in_when_it_runs() {
		// Scheduled long ago; submitted an hour before the slot.
		clock.setInstant(SLOT.minusSeconds(3600));
		formStatus(submitted, "SUBMITTED");
		clock.setInstant(SLOT.plusSeconds(30));

		reminders.runDueSlots(clock.instant());

		long run = jdbc.sql("select id from reminder_run where campaign_id = ? and slot_at = ?")
			.params(campaign, Timestamp.from(SLOT))
			.query(Long.class)
			.single();
		assertThat(journal(run)).containsExactlyInAnyOrder(member + " MAIL REMINDER", guide + " MAIL SIGNUP_REMINDER",
				letter + " LETTER REMINDER", returned + " MAIL REMINDER");
		List<String> bodies = jdbc
			.sql("select o.body from mail_outbox o join outreach_journal j on j.outbox_id = o.id where j.run_id = ?")
			.param(run)
			.query(String.class)
			.list();
		assertThat(bodies).hasSize(3).allSatisfy(body -> assertThat(body).contains("2026年09月17日", "お問い合わせ窓口"));
		assertThat(bodies).anySatisfy(body -> assertThat(body).contains("会員 花子 様", "/login"))
			.anySatisfy(body -> assertThat(body).contains("未登録 次郎 様", "/signup?code=" + tenant.code()))
			.noneSatisfy(body -> assertThat(body).contains("提出 四郎"))
			.allSatisfy(body -> assertThat(body).doesNotContain("1974"));
		assertThat(jdbc.sql("select bango from campaign_letter where campaign_id = ? and reason = 'REMINDER'")
			.param(campaign)
			.query(String.class)
			.list()).containsExactly(letter);
		AuditEntry queued = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + campaign, 50))
			.stream()
			.filter(e -> e.type().equals("CAMPAIGN_REMINDERS_QUEUED"))
			.findFirst()
			.orElseThrow();
		assertThat(queued.details()).containsEntry("memberMails", "2")
			.containsEntry("signupGuides", "1")
			.containsEntry("letters", "1");

		// Later slots run again; one that ran does not.
		reminders.runDueSlots(clock.instant());
		assertThat(runs()).isEqualTo(1);
		clock.setInstant(Instant.parse("2026-09-16T01:00:10Z"));
		reminders.runDueSlots(clock.instant());
		assertThat(runs()).isEqualTo(2);
	}

	@Test
	void a_slot_runs_once_when_two_schedulers_race_on_one_database() throws Exception {
		clock.setInstant(SLOT.plusSeconds(5));
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<Integer> node1 = CompletableFuture.supplyAsync(() -> race(start));
		CompletableFuture<Integer> node2 = CompletableFuture.supplyAsync(() -> race(start));
		start.countDown();
		// Both end without an error (other tests' open campaigns may have the same slot).
		node1.get(60, TimeUnit.SECONDS);
		node2.get(60, TimeUnit.SECONDS);

		assertThat(runs()).as("runs of this campaign's slot").isEqualTo(1);
		// A restarted node (or a third one) a minute later: the slot's row is there.
		clock.setInstant(SLOT.plusSeconds(65));
		reminders.runDueSlots(clock.instant());
		assertThat(runs()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from outreach_journal where campaign_id = ? and run_id <> 0")
			.param(campaign)
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void send_now_queues_the_confirmed_count_and_the_journal_lists_it() throws Exception {
		clock.setInstant(Instant.parse("2026-08-20T03:00:00Z"));
		String page = "/admin/campaigns/" + campaign + "/outreach";
		mvc.perform(get(page + "/remind").with(TestStaff.tenantAdmin(tenant.id()))
			.param("office", "100")
			.param("states", "NOT_STARTED", "RETURNED")
			.param("registered", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd id=\"reminder-member-mails\">3世帯</dd>")))
			.andExpect(content().string(containsString("<dd id=\"reminder-letters\">0世帯</dd>")));
		long before = outbox();

		// A household submits between the confirmation page and the click.
		formStatus(submitted, "SUBMITTED");
		mvc.perform(post(page + "/remind").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("office", "100")
			.param("states", "NOT_STARTED", "RETURNED")
			.param("registered", "true")
			.param("households", "3"))
			.andExpect(flash().attribute("problem", "survey.reminder.problem.countChanged"))
			.andExpect(redirectedUrl(page + "/remind?office=100&states=NOT_STARTED&states=RETURNED&registered=true"));
		assertThat(outbox()).isEqualTo(before);

		mvc.perform(post(page + "/remind").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("office", "100")
			.param("states", "NOT_STARTED", "RETURNED")
			.param("registered", "true")
			.param("households", "2"))
			.andExpect(flash().attribute("flash", "survey.reminder.flash.sent"))
			.andExpect(redirectedUrl(page));
		assertThat(outbox() - before).isEqualTo(2);
		AuditEntry sent = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + campaign, 50))
			.stream()
			.filter(e -> e.type().equals("CAMPAIGN_REMINDERS_SENT_NOW"))
			.findFirst()
			.orElseThrow();
		assertThat(sent.details()).containsEntry("memberMails", "2")
			.containsEntry("office", "100")
			.containsEntry("states", "NOT_STARTED,RETURNED");
		assertThat(sent.actorRole()).isEqualTo("TENANT_ADMIN");

		mvc.perform(get(page).with(TestStaff.reviewer(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">今すぐ督促</td>")))
			.andExpect(content().string(containsString(">公開時の案内</td>")))
			.andExpect(content().string(not(containsString("remind-count"))));
		mvc.perform(get("/admin/outreach/journal").with(TestStaff.reviewer(tenant.id()))
			.param("kigo", "8642")
			.param("bango", returned))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">督促</td>")))
			.andExpect(content().string(containsString(">調査の案内</td>")))
			.andExpect(content().string(containsString(">今すぐ督促</td>")))
			.andExpect(content().string(containsString(">メール</td>")));
		mvc.perform(get("/admin/outreach/journal").with(TestStaff.reviewer(tenant.id()))
			.param("kigo", "8642")
			.param("bango", letter))
			.andExpect(content().string(containsString("郵送リストに掲載")))
			.andExpect(content().string(not(containsString(">督促</td>"))));

		// Nobody matching: no button, nothing to send.
		mvc.perform(get(page + "/remind").with(TestStaff.tenantAdmin(tenant.id())).param("office", "999"))
			.andExpect(content().string(containsString("id=\"reminder-nobody\"")))
			.andExpect(content().string(not(containsString("id=\"remind-send\""))));
	}

	@Test
	void a_refused_invitation_puts_the_household_on_the_letter_list_and_later_runs_send_it_a_letter() throws Exception {
		long invitation = jdbc
			.sql("select outbox_id from outreach_journal where campaign_id = ? and bango = ? and run_id = 0")
			.params(campaign, guide)
			.query(Long.class)
			.single();
		String address = jdbc.sql("select to_address from mail_outbox where id = ?")
			.param(invitation)
			.query(String.class)
			.single();
		// What the dispatcher does on a 5xx to the recipient
		// (OutboxClaimsIntegrationTests):
		// the address is marked and MailBounced published, in one transaction.
		tx.executeWithoutResult(status -> {
			// Refused, so the dispatcher of this context does not send it (and clear the
			// mark).
			jdbc.sql("update mail_outbox set status = 'FAILED' where id = ?").param(invitation).update();
			jdbc.sql("insert into mail_bounce (tenant_id, address, bounced_at, smtp_reply, outbox_id) "
					+ "values (?, ?, ?, '550 5.1.1 no such user', ?)")
				.params(tenant.id(), address.toLowerCase(Locale.ROOT), Timestamp.from(clock.instant()), invitation)
				.update();
			publisher.publishEvent(new MailBounced(tenant.id(), invitation));
		});

		assertThat(jdbc.sql("select bango from campaign_letter where campaign_id = ? and reason = 'BOUNCING'")
			.param(campaign)
			.query(String.class)
			.list()).containsExactly(guide);
		String page = "/admin/campaigns/" + campaign + "/outreach";
		mvc.perform(get(page + "/remind").with(TestStaff.tenantAdmin(tenant.id())).param("office", "200"))
			.andExpect(content().string(containsString("<dd id=\"reminder-letters\">2世帯</dd>")));
		mvc.perform(get("/admin/roster").with(TestStaff.reviewer(tenant.id())).param("bango", guide))
			.andExpect(content().string(containsString("メール不達")));

		clock.setInstant(SLOT.plusSeconds(30));
		reminders.runDueSlots(clock.instant());
		long run = jdbc.sql("select id from reminder_run where campaign_id = ? and slot_at = ?")
			.params(campaign, Timestamp.from(SLOT))
			.query(Long.class)
			.single();
		assertThat(journal(run)).contains(guide + " LETTER REMINDER").doesNotContain(guide + " MAIL SIGNUP_REMINDER");
		assertThat(jdbc
			.sql("select count(*) from campaign_letter where campaign_id = ? and bango = ? and reason = 'BOUNCING'")
			.params(campaign, guide)
			.query(Long.class)
			.single()).as("listed once").isEqualTo(1);
	}

	@Test
	void the_schedule_is_validated_next_to_its_fields_and_kept_as_typed() throws Exception {
		long draft = campaigns.create(tenant.id(), CampaignIntegrationTests.draft(spouses()));
		assertThat(campaigns.find(tenant.id(), draft).orElseThrow().reminders()).isEqualTo(ReminderSchedule.DEFAULT);
		mvc.perform(post("/admin/campaigns/" + draft).with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", "督促の予定")
			.param("referenceDate", "2026-07-01")
			.param("opensDate", "2026-07-28")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("categories", "SPOUSE")
			.param("reminderDays", "10, x")
			.param("reminderHour", "24"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reminderDays-error\"")))
			.andExpect(content().string(containsString("id=\"reminderHour-error\"")))
			.andExpect(content().string(containsString("value=\"10, x\"")));
		mvc.perform(post("/admin/campaigns/" + draft).with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("title", "督促の予定")
			.param("referenceDate", "2026-07-01")
			.param("opensDate", "2026-07-28")
			.param("opensTime", "09:00")
			.param("deadlineDate", "2026-09-17")
			.param("deadlineTime", "23:59")
			.param("categories", "SPOUSE")
			.param("reminderDays", "７、3，0")
			.param("reminderHour", "9")).andExpect(status().is3xxRedirection());
		ReminderSchedule saved = campaigns.find(tenant.id(), draft).orElseThrow().reminders();
		assertThat(saved).isEqualTo(new ReminderSchedule(List.of(7, 3, 0), 9));
		assertThat(saved.slots(Instant.parse("2026-09-17T14:59:00Z"))).containsExactly(
				Instant.parse("2026-09-10T00:00:00Z"), Instant.parse("2026-09-14T00:00:00Z"),
				Instant.parse("2026-09-17T00:00:00Z"));
	}

	private int race(CountDownLatch start) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return reminders.runDueSlots(clock.instant());
	}

	private long runs() {
		return jdbc.sql("select count(*) from reminder_run where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single();
	}

	private long outbox() {
		return jdbc.sql("select count(*) from mail_outbox where tenant_id = ?")
			.param(tenant.id())
			.query(Long.class)
			.single();
	}

	private List<String> journal(long run) {
		return jdbc.sql("select bango, channel, kind from outreach_journal where run_id = ?")
			.param(run)
			.query((rs, n) -> rs.getString("bango") + " " + rs.getString("channel") + " " + rs.getString("kind"))
			.list();
	}

	private void formStatus(String bango, String status) {
		jdbc.sql("update survey_form set status = ?, submitted_at = ? where campaign_id = ? and bango = ?")
			.params(status, Timestamp.from(clock.instant()), campaign, bango)
			.update();
	}

	private String household(String email, String name, String office) {
		String bango = "8" + (100000 + SEQ.incrementAndGet());
		roster.upsert(tenant.id(), List.of(insured(bango, email, name, office), spouse(bango)));
		return bango;
	}

	private void account(String bango, String email) {
		long person = roster.findInsured(tenant.id(), "8642", bango).orElseThrow().id();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(
				"""
						insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
						  created_at, updated_at) values (?, ?, ?, ?, 'x', ?, 'ACTIVE', ?, ?)""")
			.params(tenant.id(), person, "rem" + bango + tenant.id(), "rem" + bango + tenant.id(), email, now, now)
			.update();
	}

	private static RosterPerson insured(String bango, String email, String name, String office) {
		return new RosterPerson(0, 0, "8642", bango, "00", true, "本人", RelationshipCategory.SELF, name, "トクソク タロウ",
				LocalDate.of(1974, 3, 9), Gender.MALE, email, office, "事業所" + office, null, null, true);
	}

	private static RosterPerson spouse(String bango) {
		return new RosterPerson(0, 0, "8642", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "督促 家族", "トクソク カゾク",
				LocalDate.of(1980, 1, 1), Gender.FEMALE, null, null, null, true, null, true);
	}

	private static TargetRules spouses() {
		return new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null);
	}

}
