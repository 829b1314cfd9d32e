package jp.kennin.account.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.Campaign;
import jp.kennin.survey.CampaignActor;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.CampaignOpened;
import jp.kennin.survey.CampaignReminders;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.InvitationCounts;
import jp.kennin.survey.ReminderFilter;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outreach benchmark (issue 13, not part of the normal build): seeds 100,000
 * households of one open campaign into PostgreSQL (schema {@value #SCHEMA}; 60 % with an
 * account, 25 % with only a roster address, 15 % with neither), then times the three ways
 * 100,000 messages get queued: the invitations at opening (the opening event's listener,
 * without the forms it follows), 「今すぐ督促」 to every household not handed in, and a
 * scheduled reminder slot. Target: each in 30 s or less. Mail sending is off (no
 * scheduling), so the outbox only fills. Drops its schema at the end. Run (see
 * docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B test-compile surefire:test -Dtest=OutreachBenchmark -Dkennin.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class OutreachBenchmark {

	static final String SCHEMA = "kennin_bench_outreach";

	static final String URL = env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("KENNIN_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("KENNIN_TEST_POSTGRES_PASSWORD", "");

	static final int HOUSEHOLDS = Integer.getInteger("kennin.benchmark.households", 100_000);

	static final long LIMIT_MS = 30_000;

	@Autowired
	Tenants tenants;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignReminders reminders;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws Exception {
		try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		registry.add("kennin.scheduling.enabled", () -> "false");
	}

	@Test
	void queue_100000_invitations_and_reminders() throws Exception {
		try {
			run();
		}
		finally {
			try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
				s.execute("drop schema if exists " + SCHEMA + " cascade");
			}
		}
	}

	private void run() throws Exception {
		Tenant tenant = tenants.create(new Tenants.NewTenant("bencho", "ベンチマーク健康保険組合", "bench@kenpo.example",
				"ベンチマーク健保", Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("ベンチマーク調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		long t0 = System.nanoTime();
		seed(tenant.id(), campaignId);
		long seedMs = ms(t0);
		Campaign campaign = campaigns.find(tenant.id(), campaignId).orElseThrow();

		long t1 = System.nanoTime();
		transactions.executeWithoutResult(tx -> events.publishEvent(new CampaignOpened(tenant.id(), campaignId,
				campaign.title(), campaign.opensAt(), campaign.deadline(), HOUSEHOLDS)));
		long invitationMs = ms(t1);
		long invitations = count("select count(*) from outreach_journal where run_id = 0");

		CampaignActor admin = new CampaignActor(tenant.id(), CampaignActor.STAFF, "bench-admin", "TENANT_ADMIN",
				"127.0.0.1");
		InvitationCounts audience = reminders.audience(admin, campaignId, ReminderFilter.ALL);
		long t2 = System.nanoTime();
		InvitationCounts sent = reminders.sendNow(admin, campaignId, ReminderFilter.ALL, audience.households());
		long sendNowMs = ms(t2);

		// The 3-day slot (2026-09-14 10:00 Japan time), a minute after it.
		long t3 = System.nanoTime();
		int runs = reminders.runDueSlots(Instant.parse("2026-09-14T01:01:00Z"));
		long slotMs = ms(t3);
		long slotJournal = count(
				"select count(*) from outreach_journal j join reminder_run r on r.id = j.run_id where r.slot_at is not null");

		StringBuilder out = new StringBuilder();
		out.append(String.format(
				"households: %,d (60 %% account, 25 %% roster address only, 15 %% neither), seeded in %,d ms%n",
				HOUSEHOLDS, seedMs));
		out.append(String.format("%-60s %10s %12s%n", "queuing", "ms", "messages"));
		out.append(String.format("%-60s %,10d %,12d%n", "invitations at opening (listener of CampaignOpened)",
				invitationMs, invitations));
		out.append(String.format("%-60s %,10d %,12d%n", "今すぐ督促 to every household not handed in", sendNowMs,
				sent.households()));
		out.append(String.format("%-60s %,10d %,12d%n", "scheduled reminder slot (runDueSlots)", slotMs, slotJournal));
		out.append(String.format("outbox rows: %,d%n", count("select count(*) from mail_outbox")));
		System.out.print(out);
		Path file = Path.of("target", "benchmark", "outreach.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
		assertThat(invitations).isEqualTo(HOUSEHOLDS);
		assertThat(sent.households()).isEqualTo(HOUSEHOLDS);
		assertThat(runs).isEqualTo(1);
		assertThat(slotJournal).isEqualTo(HOUSEHOLDS);
		assertThat(invitationMs).as("invitations").isLessThanOrEqualTo(LIMIT_MS);
		assertThat(sendNowMs).as("send-now").isLessThanOrEqualTo(LIMIT_MS);
		assertThat(slotMs).as("scheduled slot").isLessThanOrEqualTo(LIMIT_MS);
	}

	/**
	 * Insured person and spouse on the roster, an open campaign with a form per household
	 * (not started), accounts for 60 % and roster addresses for the next 25 %.
	 */
	private void seed(long tenantId, long campaignId) throws Exception {
		String sql = """
				insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, relationship_category,
				  name, name_kana, name_kana_key, birth_date, email, office_code, office_name, active, created_at, updated_at)
				select %1$d, '9', i::text, e.edaban, e.edaban = '00', case when e.edaban = '00' then '本人' else '妻' end,
				  case when e.edaban = '00' then 'SELF' else 'SPOUSE' end,
				  '佐藤 ' || case when e.edaban = '00' then '太郎' else '花子' end || i, 'サトウ タロウ', 'サトウ',
				  date '1970-04-01' + (i %% 7000),
				  case when e.edaban = '00' and i %% 100 >= 60 and i %% 100 < 85 then 'roster' || i || '@bench.example' end,
				  lpad((i %% 30)::text, 3, '0'), '事業所' || (i %% 30), true, now(), now()
				from generate_series(1, %2$d) i cross join (values ('00'), ('01')) e(edaban);

				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
				  created_at, updated_at)
				select %1$d, p.id, 'u' || p.bango, 'u' || p.bango, 'x', 'member' || p.bango || '@bench.example', 'ACTIVE', now(), now()
				from roster_person p where p.tenant_id = %1$d and p.edaban = '00' and p.bango::int %% 100 < 60;

				insert into survey_form (tenant_id, campaign_id, kigo, bango, insured_person_id, office_code, office_name,
				  status, version, created_at, updated_at)
				select %1$d, %3$d, p.kigo, p.bango, p.id, p.office_code, p.office_name, 'NOT_STARTED', 0, now(), now()
				from roster_person p where p.tenant_id = %1$d and p.edaban = '00';

				update campaign set status = 'OPEN', opened_at = timestamp with time zone '2026-07-28 00:00:00+00'
				where id = %3$d;
				"""
			.formatted(tenantId, HOUSEHOLDS, campaignId);
		try (Connection c = DriverManager
			.getConnection(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, USER, PASSWORD);
				Statement s = c.createStatement()) {
			for (String statement : sql.split(";\\s*\\n")) {
				if (!statement.isBlank()) {
					s.execute(statement);
				}
			}
			s.execute("vacuum analyze roster_person");
			s.execute("vacuum analyze member_account");
			s.execute("vacuum analyze survey_form");
		}
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long ms(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
