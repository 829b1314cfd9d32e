package jp.kennin.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening a campaign invites every target household once: a mail to members with an
 * account, a sign-up guide to the roster address of those without one, and a place on the
 * letter list for the rest; staff see the three counts before confirming.
 */
@KenninIntegrationTest
class InvitationsIntegrationTests {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final LocalDate BIRTH = LocalDate.of(1974, 3, 9);

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	private Tenant tenant;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "案内テスト健保");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void opening_queues_a_member_mail_a_signup_guide_and_a_letter_once() throws Exception {
		String member = household(tenant, "inv-roster-" + SEQ.get() + "@example.jp", "会員 花子");
		account(tenant, member, "inv-account-" + SEQ.get() + "@example.jp");
		String unregistered = household(tenant, "inv-guide-" + SEQ.get() + "@example.jp", "未登録 次郎");
		String letter = household(tenant, null, "郵送 三郎");
		Tenant other = TestTenants.create(tenants, "案内テスト健保（別）");
		household(other, "inv-other-" + SEQ.get() + "@example.jp", "別 健保");
		long otherCampaign = campaigns.create(other.id(), CampaignIntegrationTests.draft(spouses()));

		long id = campaigns.create(tenant.id(), CampaignIntegrationTests.draft(spouses()));
		String page = "/admin/campaigns/" + id;
		mvc.perform(get(page + "/open").with(TestStaff.tenantAdmin(tenant.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd id=\"invitation-member-mails\">1世帯</dd>")))
			.andExpect(content().string(containsString("<dd id=\"invitation-signup-guides\">1世帯</dd>")))
			.andExpect(content().string(containsString("<dd id=\"invitation-letters\">1世帯</dd>")));
		assertThat(outbox(tenant.id())).as("nothing is queued before confirming").isEmpty();

		mvc.perform(post(page + "/open").with(TestStaff.tenantAdmin(tenant.id()))
			.with(csrf())
			.param("households", "3")
			.param("dependents", "3")).andExpect(flash().attribute("flash", "survey.campaign.flash.opened"));

		List<Map<String, Object>> mails = outbox(tenant.id());
		assertThat(mails).hasSize(2);
		Map<String, Object> invitation = mail(mails, "inv-account-");
		assertThat(invitation.get("from_address")).isEqualTo(tenant.mailFromAddress());
		String body = (String) invitation.get("body");
		assertThat(body).contains("会員 花子 様", "2026年度 被扶養者資格調査", "2026年09月17日", "/login", "03-0000-0000")
			.doesNotContain(member, "1974", "S49", "昭和49", "03/09", "3月9日");
		Map<String, Object> guide = mail(mails, "inv-guide-");
		assertThat((String) guide.get("body"))
			.contains("未登録 次郎 様", "/signup?code=" + tenant.code(), "記号・番号", "生年月日", "6桁", "2026年09月17日",
					"help@" + tenant.code() + ".example")
			.doesNotContain(unregistered, "1974");
		assertThat(mails).noneMatch(m -> m.get("to_address").toString().startsWith("inv-roster-"));

		assertThat(jdbc.sql("select bango, reason from campaign_letter where tenant_id = ? and campaign_id = ?")
			.params(tenant.id(), id)
			.query((rs, n) -> rs.getString("bango") + " " + rs.getString("reason"))
			.list()).containsExactly(letter + " NO_ADDRESS");
		assertThat(journal(id)).containsExactlyInAnyOrder(member + " MAIL INVITATION true",
				unregistered + " MAIL SIGNUP_GUIDE true", letter + " LETTER INVITATION false");
		AuditEntry queued = audit.search(new AuditLog.Query(tenant.id(), null, null, null, "campaign:" + id, 50))
			.stream()
			.filter(e -> e.type().equals("CAMPAIGN_INVITATIONS_QUEUED"))
			.findFirst()
			.orElseThrow();
		assertThat(queued.details()).containsEntry("memberMails", "1")
			.containsEntry("signupGuides", "1")
			.containsEntry("letters", "1");

		// A retried event and a second opening queue nothing more.
		Campaign opened = campaigns.find(tenant.id(), id).orElseThrow();
		transactions.executeWithoutResult(tx -> events
			.publishEvent(new CampaignOpened(tenant.id(), id, opened.title(), opened.opensAt(), opened.deadline(), 3)));
		assertThatThrownBy(() -> campaigns.open(tenant.id(), id)).isInstanceOf(CampaignProblem.class);
		assertThat(outbox(tenant.id())).hasSize(2);
		assertThat(journal(id)).hasSize(3);
		assertThat(jdbc.sql("select count(*) from campaign_letter where campaign_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(outbox(other.id())).as("another insurer's households are not invited").isEmpty();
		assertThat(journal(otherCampaign)).isEmpty();
	}

	@Test
	void ten_thousand_households_are_queued_in_batches() {
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			String bango = "b" + i;
			people.add(insured(bango, i % 3 == 0 ? null : "inv-bulk-" + i + "@example.jp", "一括 太郎"));
			people.add(spouse(bango));
		}
		roster.upsert(tenant.id(), people);
		long id = campaigns.create(tenant.id(), CampaignIntegrationTests.draft(spouses()));
		long started = System.nanoTime();
		campaigns.open(tenant.id(), id);
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Opening with 10,000 households (forms and invitations) took " + millis + " ms");
		assertThat(outbox(tenant.id())).hasSize(6_666);
		assertThat(journal(id)).hasSize(10_000);
		assertThat(millis).as("queuing stays well within a minute").isLessThan(60_000);
		// The 6,666 mails would otherwise stand in the shared outbox ahead of every other
		// test's mail (sign-up codes, receipts) while the dispatcher works through them.
		jdbc.sql("delete from mail_outbox where tenant_id = ? and status = 'PENDING'").param(tenant.id()).update();
	}

	private List<Map<String, Object>> outbox(long tenantId) {
		return jdbc.sql("select id, from_address, to_address, subject, body from mail_outbox where tenant_id = ?")
			.param(tenantId)
			.query()
			.listOfRows()
			.stream()
			.map(InvitationsIntegrationTests::lower)
			.toList();
	}

	private static Map<String, Object> lower(Map<String, Object> row) {
		Map<String, Object> out = new HashMap<>();
		row.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
		return out;
	}

	private static Map<String, Object> mail(List<Map<String, Object>> mails, String toPrefix) {
		return mails.stream()
			.filter(m -> m.get("to_address").toString().startsWith(toPrefix))
			.findFirst()
			.orElseThrow();
	}

	private List<String> journal(long campaignId) {
		return jdbc.sql("select bango, channel, kind, outbox_id from outreach_journal where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> rs.getString("bango") + " " + rs.getString("channel") + " " + rs.getString("kind") + " "
					+ (rs.getObject("outbox_id") != null))
			.list();
	}

	/** A household of an insured person and a spouse; returns its 番号. */
	private String household(Tenant t, String email, String name) {
		String bango = "9" + (100000 + SEQ.incrementAndGet());
		roster.upsert(t.id(), List.of(insured(bango, email, name), spouse(bango)));
		return bango;
	}

	private void account(Tenant t, String bango, String email) {
		long person = roster.findInsured(t.id(), "8642", bango).orElseThrow().id();
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql(
				"""
						insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
						  created_at, updated_at) values (?, ?, ?, ?, 'x', ?, 'ACTIVE', ?, ?)""")
			.params(t.id(), person, "inv" + bango + t.id(), "inv" + bango + t.id(), email, now, now)
			.update();
	}

	private static RosterPerson insured(String bango, String email, String name) {
		return new RosterPerson(0, 0, "8642", bango, "00", true, "本人", RelationshipCategory.SELF, name, "アンナイ タロウ",
				BIRTH, Gender.MALE, email, "100", "本社", null, null, true);
	}

	private static RosterPerson spouse(String bango) {
		return new RosterPerson(0, 0, "8642", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "案内 家族", "アンナイ カゾク",
				LocalDate.of(1980, 1, 1), Gender.FEMALE, null, null, null, true, null, true);
	}

	private static TargetRules spouses() {
		return new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null);
	}

}
