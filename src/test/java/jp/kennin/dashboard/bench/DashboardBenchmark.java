package jp.kennin.dashboard.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import jp.kennin.dashboard.CampaignDashboards;
import jp.kennin.dashboard.Dashboard;
import jp.kennin.dashboard.OfficeSort;
import jp.kennin.review.ReviewActor;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard benchmark (issue 14, not part of the normal build): the households of
 * ReviewQueueBenchmark's generator (100,000 forms over 30 offices, 60 % 提出済み, 15 % 審査中, 5
 * % 差し戻し, 20 % 確認完了), plus an account for 70 % of them, an invitation for each and a
 * sign-up guide for the rest, and for every 確認完了 form a review with its spouse 継続 or, for
 * one in ten, 削除 with a 事由. Times the whole dashboard ({@link CampaignDashboards#view})
 * in PostgreSQL schema {@value #SCHEMA} and prints median and p95, once with the figures
 * counted anew for every view (the clock moved past the cache's TTL) and once served
 * within the TTL; fails above 200 ms median counted anew. Run (see docs/benchmarks.md;
 * {@code -Dkennin.benchmark.keep=true} keeps the schema for EXPLAIN):
 *
 * <pre>
 * ./mvnw -B test-compile surefire:test -Dtest=DashboardBenchmark -Dkennin.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@EnabledIfSystemProperty(named = "kennin.benchmark", matches = "true")
class DashboardBenchmark {

	static final String SCHEMA = "kennin_bench_dashboard";

	static final String URL = env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("KENNIN_TEST_POSTGRES_USER", "postgres");

	static final String PASSWORD = env("KENNIN_TEST_POSTGRES_PASSWORD", "");

	static final int FORMS = Integer.getInteger("kennin.benchmark.forms", 100_000);

	static final int ROUNDS = Integer.getInteger("kennin.benchmark.rounds", 30);

	static final int WARMUP = 5;

	@Autowired
	Tenants tenants;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignDashboards dashboards;

	@Autowired
	MutableClock clock;

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
	void dashboard_at_100000_households() throws Exception {
		try {
			run();
		}
		finally {
			if (!Boolean.getBoolean("kennin.benchmark.keep")) {
				dropSchema();
			}
		}
	}

	/**
	 * Drops the benchmark's schema (kept with -Dkennin.benchmark.keep=true, for EXPLAIN).
	 */
	private static void dropSchema() throws Exception {
		try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

	private void run() throws Exception {
		Tenant tenant = tenants.create(new Tenants.NewTenant("benchd", "ベンチマーク健康保険組合", "bench@kenpo.example",
				"ベンチマーク健保", Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
		long campaign = campaigns.create(tenant.id(),
				new CampaignDraft("ベンチマーク調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		long t0 = System.nanoTime();
		seed(tenant.id(), campaign);
		long seedMs = (System.nanoTime() - t0) / 1_000_000;
		ReviewActor actor = new ReviewActor(tenant.id(), "bench-reviewer", "REVIEWER", "127.0.0.1");
		Instant base = Instant.now();
		clock.setInstant(base);
		Dashboard first = dashboards.view(actor, campaign, OfficeSort.OFFICE, false);
		assertThat(first.total().targets()).isEqualTo(FORMS);
		// Counted: the clock moves past the cache's TTL before each view, so every view
		// runs
		// the four queries.
		long step = Math.max(first.recountSeconds(), 0) + 1;
		long[] counted = new long[ROUNDS];
		for (int r = -WARMUP; r < ROUNDS; r++) {
			base = base.plusSeconds(step);
			clock.setInstant(base);
			long start = System.nanoTime();
			Dashboard d = dashboards.view(actor, campaign, r % 2 == 0 ? OfficeSort.OFFICE : OfficeSort.RATE,
					r % 2 != 0);
			long took = System.nanoTime() - start;
			assertThat(d.countedAt()).isEqualTo(base);
			if (r >= 0) {
				counted[r] = took;
			}
		}
		// Served: views within the TTL (the same figures, sorted each time), as staff get
		// the
		// page again or sort the offices.
		long[] served = new long[ROUNDS];
		for (int r = 0; r < ROUNDS; r++) {
			long start = System.nanoTime();
			dashboards.view(actor, campaign, r % 2 == 0 ? OfficeSort.OFFICE : OfficeSort.RATE, r % 2 == 1);
			served[r] = System.nanoTime() - start;
		}
		clock.reset();
		String out = String.format(
				"households: %,d (one campaign), seeded in %,d ms; removals %,d; %d rounds after %d warm-up%n"
						+ "counted (4 aggregate queries + campaign + settings): median %.1f ms, p95 %.1f ms%n"
						+ "served within the %d s TTL (campaign + settings): median %.1f ms, p95 %.1f ms%n",
				FORMS, seedMs, first.removed(), ROUNDS, WARMUP, median(counted), p95(counted), first.recountSeconds(),
				median(served), p95(served));
		System.out.print(out);
		Path file = Path.of("target", "benchmark", "dashboard.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out, StandardCharsets.UTF_8);
		assertThat(median(counted)).as("dashboard median in ms, figures counted anew").isLessThanOrEqualTo(200);
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static double p95(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6;
	}

	private void seed(long tenantId, long campaignId) throws Exception {
		String sql = """
				insert into roster_person (tenant_id, kigo, bango, edaban, insured, relationship, relationship_category,
				  name, name_kana, name_kana_key, birth_date, office_code, office_name, active, created_at, updated_at)
				select %1$d, '9', i::text, e.edaban, e.edaban = '00', case when e.edaban = '00' then '本人' else '妻' end,
				  case when e.edaban = '00' then 'SELF' else 'SPOUSE' end, '佐藤 ' || i, 'サトウ', 'サトウ',
				  date '1970-04-01' + (i %% 7000), lpad((i %% 30)::text, 3, '0'), '事業所' || (i %% 30), true, now(), now()
				from generate_series(1, %2$d) i cross join (values ('00'), ('01')) e(edaban);

				insert into survey_form (tenant_id, campaign_id, kigo, bango, insured_person_id, office_code, office_name,
				  status, receipt_number, version, created_at, updated_at, submitted_at, returned_count, reviewer,
				  documents_missing, documents_by_mail, documents_added, precheck_warnings, precheck_codes,
				  dependents_leaving, review_started_at, correction_deadline)
				select %1$d, %3$d, p.kigo, p.bango, p.id, p.office_code, p.office_name,
				  case when b < 60 then 'SUBMITTED' when b < 75 then 'IN_REVIEW' when b < 80 then 'RETURNED' else 'COMPLETED' end,
				  '2026-' || p.bango, 2, now(), now(),
				  timestamp with time zone '2026-07-28 00:00:00+00' + ((h * 7919) %% 3456000) * interval '1 second',
				  case when b < 6 then 1 else 0 end, case when b >= 60 then 'reviewer' || (h %% 10) end,
				  case when h %% 10 = 3 then 1 else 0 end, case when h %% 30 = 3 then 1 else 0 end,
				  case when h %% 17 = 5 then 1 else 0 end,
				  case when h %% 5 = 1 then 1 else 0 end, case when h %% 5 = 1 then 'INCOME_OVER_LIMIT' end, 0,
				  case when b >= 60 then now() end,
				  case when b >= 75 and b < 80 then timestamp with time zone '2026-08-20 00:00:00+00' + (h %% 40) * interval '1 day' end
				from (select id, kigo, bango, office_code, office_name, bango::int as h, (bango::int * 37) %% 100 as b
				      from roster_person where tenant_id = %1$d and edaban = '00') p;

				insert into survey_form_dependent (tenant_id, survey_form_id, roster_person_id, edaban, name, name_kana,
				  birth_date, relationship, relationship_category, living_together)
				select %1$d, f.id, s.id, '01', s.name, s.name_kana, s.birth_date, '妻', 'SPOUSE', true
				from survey_form f join roster_person s on s.tenant_id = f.tenant_id and s.kigo = f.kigo
				  and s.bango = f.bango and s.edaban = '01'
				where f.campaign_id = %3$d;

				insert into member_account (tenant_id, roster_person_id, user_id, user_id_key, password_hash, email, status,
				  created_at, updated_at)
				select %1$d, f.insured_person_id, 'u' || f.bango, 'u' || f.bango, 'x', 'u' || f.bango || '@example.jp',
				  'ACTIVE', now(), now()
				from survey_form f where f.campaign_id = %3$d and f.bango::int %% 10 < 7;

				insert into outreach_journal (tenant_id, campaign_id, kigo, bango, channel, kind, created_at)
				select %1$d, %3$d, f.kigo, f.bango, 'MAIL', case when f.bango::int %% 10 < 7 then 'INVITATION' else 'SIGNUP_GUIDE' end,
				  timestamp with time zone '2026-07-28 00:00:00+00' + (f.bango::int %% 20) * interval '1 day'
				from survey_form f where f.campaign_id = %3$d;

				insert into review_case (tenant_id, survey_form_id, campaign_id, version, started_by, started_at, updated_at)
				select %1$d, f.id, %3$d, 1, 'reviewer1', now(), now()
				from survey_form f where f.campaign_id = %3$d and f.status = 'COMPLETED';

				insert into review_decision (tenant_id, review_case_id, dependent_id, decision, approval, loss_date, reason,
				  decided_by, decided_at)
				select %1$d, rc.id, d.id, case when f.bango::int %% 10 = 0 then 'REMOVE' else 'CONTINUE' end,
				  case when f.bango::int %% 10 = 0 then 'APPROVED' end,
				  case when f.bango::int %% 10 = 0 then date '2026-08-01' end,
				  case when f.bango::int %% 10 = 0 then (array['EMPLOYMENT','INCOME_OVER_LIMIT','MARRIAGE','MOVED_ABROAD'])[1 + (f.bango::int / 10) %% 4] end,
				  'reviewer1', now()
				from review_case rc join survey_form f on f.id = rc.survey_form_id
				join survey_form_dependent d on d.survey_form_id = f.id
				where rc.campaign_id = %3$d;
				"""
			.formatted(tenantId, FORMS, campaignId);
		try (Connection c = DriverManager
			.getConnection(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, USER, PASSWORD);
				Statement s = c.createStatement()) {
			for (String statement : sql.split(";\\s*\\n")) {
				if (!statement.isBlank()) {
					s.execute(statement);
				}
			}
			for (String table : new String[] { "roster_person", "survey_form", "survey_form_dependent",
					"member_account", "outreach_journal", "review_case", "review_decision" }) {
				s.execute("vacuum analyze " + table);
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
