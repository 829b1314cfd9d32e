package jp.kennin.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import jp.kennin.staff.StaffHttpClient;
import jp.kennin.test.FakeSmtp;
import jp.kennin.test.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes started at the same moment on one new, empty PostgreSQL schema, with the demo
 * data switched on and the files on S3-compatible storage (S3Proxy on loopback), as a
 * cluster's first deployment does (issue 16 item 9): both come up, the migrations ran
 * once, the demo insurer exists once, and a file a staff member uploads through node A is
 * served by node B.
 */
class TwoNodesFirstStartProcessIT {

	static final String BUCKET = "kennin-two-nodes";

	static final String DEMO_PASSWORD = "Kennin-demo-2026!";

	@RegisterExtension
	static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder().withCredentials("access", "secret").build();

	@TempDir
	Path folder;

	@Test
	void two_nodes_starting_together_migrate_once_load_the_demo_once_and_share_the_files() throws Exception {
		// The demo campaign sends its mails at once: a server that accepts them.
		try (ProcessPostgres pg = ProcessPostgres.create(); S3Client s3 = s3(); FakeSmtp smtp = new FakeSmtp()) {
			s3.createBucket(b -> b.bucket(BUCKET));
			int portA = KenninJar.freePort();
			int portB = KenninJar.freePort();
			KenninJar a = node(pg, "a", portA, smtp.port());
			KenninJar b = node(pg, "b", portB, smtp.port());
			// Both processes are launched together; each JVM then needs seconds to reach
			// Flyway and the demo loader, so they meet there within milliseconds.
			CompletableFuture<KenninJar.Running> startA = CompletableFuture.supplyAsync(a::start);
			CompletableFuture<KenninJar.Running> startB = CompletableFuture.supplyAsync(b::start);
			try (KenninJar.Running nodeA = startA.join(); KenninJar.Running nodeB = startB.join()) {
				Duration timeout = KenninJar.START_TIMEOUT.multipliedBy(2);
				nodeA.awaitOutput("Started KenninApplication", timeout);
				nodeB.awaitOutput("Started KenninApplication", timeout);
				// The demo loader runs on ApplicationReadyEvent, after "Started": wait
				// for
				// its banner, which every start prints after loading (or finding) the
				// data.
				nodeA.awaitOutput("Kennin demo", timeout);
				nodeB.awaitOutput("Kennin demo", timeout);

				for (int port : new int[] { portA, portB }) {
					HttpResponse<String> ready = KenninJar
						.get("http://127.0.0.1:" + port + "/actuator/health/readiness");
					assertThat(ready.statusCode()).as("readiness of :" + port).isEqualTo(200);
					assertThat(ready.body()).contains("UP");
				}
				assertThat(nodeA.alive()).isTrue();
				assertThat(nodeB.alive()).isTrue();
				String logs = nodeA.output() + nodeB.output();
				assertThat(logs).doesNotContain("ERROR", "Exception");
				assertThat(count(logs, "Demo data loaded")).as("nodes that loaded the demo data").isEqualTo(1);
				assertThat(count(logs, "Successfully applied")).as("nodes that migrated").isEqualTo(1);

				try (Connection c = pg.connect(); Statement s = c.createStatement()) {
					assertThat(single(s, "select count(*) from flyway_schema_history where not success")).isZero();
					assertThat(single(s,
							"select count(*) from (select version from flyway_schema_history "
									+ "where version is not null group by version having count(*) > 1) twice"))
						.as("migrations applied more than once")
						.isZero();
					assertThat(single(s, "select count(*) from flyway_schema_history where version is not null"))
						.as("every migration file, once")
						.isEqualTo(migrationFiles());
					assertThat(single(s, "select count(*) from tenant where code = 'demo'")).isEqualTo(1);
					assertThat(single(s, "select count(*) from tenant")).isEqualTo(1);
					assertThat(single(s, "select count(*) from staff_account where login_id like 'demo-%'"))
						.isEqualTo(3);
					assertThat(single(s, "select count(*) from campaign")).isEqualTo(1);
					assertThat(single(s, "select count(*) from notice")).isEqualTo(5);
					assertThat(single(s, "select count(*) from tenant_page")).isEqualTo(2);
					long rows = single(s, "select count(*) from roster_person");
					assertThat(rows).isPositive()
						.isEqualTo(single(s, "select count(*) from (select distinct kigo, bango, edaban "
								+ "from roster_person) persons"));
				}

				// A tenant admin attaches a PDF to the manual through node A...
				StaffHttpClient admin = StaffHttpClient.login(portA, Clock.systemUTC(), "demo-admin", DEMO_PASSWORD);
				String editPage = admin.get("/admin/pages/manual").body();
				byte[] pdf = ("%PDF-1.4\n% 二つのノード " + System.nanoTime() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
				Map<String, String> fields = new LinkedHashMap<>();
				fields.put("_csrf", StaffHttpClient.csrf(editPage));
				HttpResponse<String> upload = admin.postMultipart("/admin/pages/manual/attachments", fields, "file",
						"two-nodes.pdf", pdf);
				assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
				long fileId;
				try (Connection c = pg.connect(); Statement s = c.createStatement()) {
					fileId = single(s, "select max(id) from tenant_file where file_name = 'two-nodes.pdf'");
				}
				// ...the bytes are in the bucket, encrypted...
				List<S3Object> objects = s3.listObjectsV2(l -> l.bucket(BUCKET)).contents();
				assertThat(objects).hasSize(1);
				byte[] stored = s3.getObjectAsBytes(g -> g.bucket(BUCKET).key(objects.get(0).key())).asByteArray();
				assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
				// ...and node B, which never saw the upload, serves them to a member.
				HttpResponse<byte[]> download = HttpClient.newHttpClient()
					.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + portB + "/tenants/demo/files/" + fileId))
						.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(download.statusCode()).isEqualTo(200);
				assertThat(download.body()).isEqualTo(pdf);
			}
		}
	}

	private KenninJar node(ProcessPostgres pg, String name, int port, int smtpPort) throws Exception {
		Path dir = Files.createDirectories(folder.resolve(name));
		return KenninJar.in(dir, "two-nodes-" + name)
			.env("SPRING_DATASOURCE_URL", pg.url())
			.env("SPRING_DATASOURCE_USERNAME", TestPostgres.USER)
			.env("SPRING_DATASOURCE_PASSWORD", TestPostgres.PASSWORD)
			.env("KENNIN_SECRET_KEY", PostgresProcessIT.SECRET_KEY)
			.env("KENNIN_DEMO_ENABLED", "true")
			.env("KENNIN_STORAGE_TYPE", "s3")
			.env("KENNIN_STORAGE_S3_ENDPOINT", S3_PROXY.getUri().toString())
			.env("KENNIN_STORAGE_S3_REGION", "ap-northeast-1")
			.env("KENNIN_STORAGE_S3_BUCKET", BUCKET)
			.env("KENNIN_STORAGE_S3_ACCESSKEY", "access")
			.env("KENNIN_STORAGE_S3_SECRETKEY", "secret")
			.env("KENNIN_STORAGE_S3_PATHSTYLE", "true")
			.env("SPRING_MAIL_HOST", "127.0.0.1")
			.env("SPRING_MAIL_PORT", Integer.toString(smtpPort))
			.args("--server.port=" + port);
	}

	private static S3Client s3() {
		return S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of("ap-northeast-1"))
			.forcePathStyle(true)
			.endpointOverride(S3_PROXY.getUri())
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
			.build();
	}

	/**
	 * The versioned migrations Flyway runs on PostgreSQL (common and vendor-specific).
	 */
	private static long migrationFiles() throws Exception {
		long n = 0;
		for (String dir : List.of("src/main/resources/db/migration", "src/main/resources/db/vendor/postgresql")) {
			try (var files = Files.list(Path.of(dir))) {
				n += files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).count();
			}
		}
		// Java migrations (a change that needs the database's own names, e.g. V128).
		try (var files = Files.list(Path.of("src/main/java/db/migration"))) {
			n += files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.java")).count();
		}
		return n;
	}

	private static long single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static int count(String text, String needle) {
		List<Integer> at = new ArrayList<>();
		Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
		while (m.find()) {
			at.add(m.start());
		}
		return at.size();
	}

}
