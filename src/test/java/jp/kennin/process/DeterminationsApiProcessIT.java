package jp.kennin.process;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import jp.kennin.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core-system API as the kenpo's system calls it: the packaged jar on PostgreSQL, a
 * campaign with one approved removal, and {@code GET
 * /api/v1/campaigns/{id}/determinations} over HTTP with the insurer's token, as JSON and
 * as CSV; a roster-only token and no token are refused. The test writes what staff pages
 * would have written (insurer, campaign, form, decision, tokens) straight into the
 * database, since those pages need a TOTP login.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminationsApiProcessIT {

	static final String SECRET_KEY = "process-test-secret-key-0123456789abcdef";

	static final String TENANT = "pgapi";

	static final String RESULTS_TOKEN = "kennin_results-process-test-token-0123456789abcdefghijklmnop";

	static final String ROSTER_TOKEN = "kennin_roster-process-test-token-0123456789abcdefghijklmnopq";

	@TempDir
	static Path folder;

	ProcessPostgres pg;

	KenninJar.Running server;

	final int port = KenninJar.freePort();

	long campaignId;

	@BeforeAll
	void startWithADecidedCampaign() throws Exception {
		pg = ProcessPostgres.create();
		RosterFiles.write(folder, "roster.csv", RosterFiles.VALID);
		// The first command migrates the new schema (and finds no insurer yet).
		importRoster("api-migrate", "--tenant=" + TENANT, "--mode=snapshot", "roster.csv");
		try (Connection c = pg.connect(); Statement s = c.createStatement()) {
			s.executeUpdate(
					"insert into tenant (code, name, mail_from_address, mail_from_name, created_at, updated_at) "
							+ "values ('" + TENANT + "', 'API健康保険組合', 'api@kenpo.example', 'API健康保険組合', now(), now())");
		}
		KenninJar.Running imported = importRoster("api-roster", "--tenant=" + TENANT, "--mode=snapshot", "roster.csv");
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		try (Connection c = pg.connect(); Statement s = c.createStatement()) {
			long tenant = single(c, "select id from tenant where code = '" + TENANT + "'");
			long insured = single(c, "select id from roster_person where tenant_id = " + tenant + " and edaban = '00'");
			long spouse = single(c, "select id from roster_person where tenant_id = " + tenant + " and edaban = '01'");
			s.executeUpdate("insert into campaign (tenant_id, title, reference_date, opens_at, deadline, status, "
					+ "categories, created_at, updated_at) values (" + tenant + ", '2026年度 調査', date '2026-07-01', "
					+ "now() - interval '30 days', now() - interval '1 day', 'CLOSED', 'SPOUSE', now(), now())");
			campaignId = single(c, "select id from campaign where tenant_id = " + tenant);
			s.executeUpdate("insert into survey_form (tenant_id, campaign_id, kigo, bango, insured_person_id, "
					+ "office_code, office_name, status, created_at, updated_at) values (" + tenant + ", " + campaignId
					+ ", '77', 'p1', " + insured + ", '100', '本社', 'COMPLETED', now(), now())");
			long form = single(c, "select id from survey_form where campaign_id = " + campaignId);
			s.executeUpdate("insert into survey_form_dependent (tenant_id, survey_form_id, roster_person_id, edaban, "
					+ "name, name_kana, birth_date, relationship) values (" + tenant + ", " + form + ", " + spouse
					+ ", '01', '試験 花子', 'シケン ハナコ', date '1982-07-15', '妻')");
			long dependent = single(c, "select id from survey_form_dependent where survey_form_id = " + form);
			s.executeUpdate("insert into review_case (tenant_id, survey_form_id, campaign_id, started_by, started_at, "
					+ "updated_at) values (" + tenant + ", " + form + ", " + campaignId + ", 'admin', now(), now())");
			long review = single(c, "select id from review_case where survey_form_id = " + form);
			s.executeUpdate("insert into review_decision (tenant_id, review_case_id, dependent_id, decision, approval, "
					+ "loss_date, reason, decided_by, decided_at, changed_at) values (" + tenant + ", " + review + ", "
					+ dependent + ", 'REMOVE', 'APPROVED', date '2026-06-01', 'EMPLOYMENT', 'admin', now(), now())");
			s.executeUpdate(token(tenant, RESULTS_TOKEN, "results:read"));
			s.executeUpdate(token(tenant, ROSTER_TOKEN, "roster:import"));
		}
		server = KenninJar.in(folder, "determinations-api")
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("KENNIN_SECRET_KEY", SECRET_KEY)
			.env("KENNIN_BASE_URL", "https://kennin.example.test")
			.env("KENNIN_DEMO_ENABLED", "false")
			// Nothing is mailed; the host only has to be configured, as in production.
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.env("SPRING_MAIL_PORT", Integer.toString(KenninJar.freePort()))
			.args("--server.port=" + port)
			.start();
		server.awaitOutput("Started KenninApplication", KenninJar.START_TIMEOUT);
	}

	@AfterAll
	void stop() {
		if (server != null) {
			server.close();
		}
		if (pg != null) {
			pg.close();
		}
	}

	@Test
	void the_insurers_token_reads_the_determinations_as_json_and_csv_and_each_read_is_audited() throws Exception {
		HttpResponse<String> json = KenninJar.get(url(""), "Authorization", "Bearer " + RESULTS_TOKEN);
		assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
		assertThat(json.body()).contains("\"count\":1", "\"edaban\":\"01\"", "\"determination\":\"REMOVE\"",
				"\"reason\":\"EMPLOYMENT\"", "\"lossDate\":\"2026-06-01\"", "\"removalState\":\"FINAL\"",
				"\"nextCursor\":\"");
		assertThat(json.headers().firstValue("Link"))
			.hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));

		HttpResponse<String> csv = KenninJar.get(url("?format=csv"), "Authorization", "Bearer " + RESULTS_TOKEN);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
			.isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.body().lines().toList()).hasSize(2);
		assertThat(csv.body())
			.startsWith("記号,番号,枝番,被保険者氏名,被扶養者氏名,カナ,生年月日,続柄,喪失日,事由,決定日,決定者,事業所コード,事業所名,判定,備考,削除の状態,反論期限\r\n");
		assertThat(csv.body().lines().toList().get(1)).startsWith("77,p1,01,試験 一郎,試験 花子,")
			.contains(",2026/06/01,就職,", ",削除,", ",確定,");

		try (Connection c = pg.connect();
				PreparedStatement q = c.prepareStatement(
						"select count(*) from audit_event where type = 'DETERMINATIONS_API_READ' and target = ?")) {
			q.setString(1, "campaign:" + campaignId);
			try (ResultSet rs = q.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(2);
			}
		}
	}

	@Test
	void a_roster_only_token_and_no_token_are_refused() {
		assertThat(KenninJar.get(url(""), "Authorization", "Bearer " + ROSTER_TOKEN).statusCode()).isEqualTo(403);
		assertThat(KenninJar.get(url("")).statusCode()).isEqualTo(401);
		assertThat(KenninJar
			.get("http://127.0.0.1:" + port + "/api/v1/campaigns/999999/determinations", "Authorization",
					"Bearer " + RESULTS_TOKEN)
			.statusCode()).isEqualTo(404);
	}

	private String url(String query) {
		return "http://127.0.0.1:" + port + "/api/v1/campaigns/" + campaignId + "/determinations" + query;
	}

	private static String token(long tenant, String token, String scopes) throws Exception {
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		return "insert into roster_api_token (tenant_id, name, token_hash, token_hint, created_by, created_at, scopes) "
				+ "values (" + tenant + ", '基幹', '" + hash + "', 'xxxx', 'admin', now(), '" + scopes + "')";
	}

	private static long single(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private KenninJar.Running importRoster(String name, String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "import-roster";
		System.arraycopy(args, 0, command, 1, args.length);
		return KenninJar.in(folder, name)
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("KENNIN_SECRET_KEY", SECRET_KEY)
			.args(command)
			.run();
	}

}
