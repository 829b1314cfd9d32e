package jp.kennin.bench.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jp.kennin.KenninApplication;
import jp.kennin.account.internal.AccountRepository;
import jp.kennin.account.internal.TermsConsents;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.terms.TermsOfUse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server side of the deadline-rush journey (issue 17, docs/benchmarks.md): Kennin on
 * the local PostgreSQL in a schema of its own ({@value #SCHEMA}, dropped and created
 * anew), with one insurer, an open campaign and {@code journey.members} households of an
 * insured person, a spouse and a student child, each with an active account whose terms
 * are accepted (sign-up is not what is measured). Writes the base URL to
 * {@code target/journey/server.url} and the logins to {@code target/journey/members.csv},
 * then serves until the process is stopped.
 * <p>
 * Everything else is as in production: the real security chain, sessions in the database
 * (Spring Session JDBC), the document pipeline with thumbnails, the outbox (mail is
 * captured to {@code target/journey/data/mail}, since no SMTP server is measured).
 */
public final class JourneyServer {

	static final String SCHEMA = "kennin_bench_journey";

	static final String PASSWORD = "Journey#2026kp";

	private JourneyServer() {
	}

	public static void main(String[] args) throws Exception {
		start();
		new CountDownLatch(1).await();
	}

	/**
	 * Resets the schema, starts Kennin, seeds it and writes {@code server.url} and
	 * {@code members.csv}; answers Kennin's base URL.
	 */
	public static String start() throws Exception {
		String url = env("KENNIN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = env("KENNIN_TEST_POSTGRES_USER", "postgres");
		String password = env("KENNIN_TEST_POSTGRES_PASSWORD", "");
		int members = Integer.getInteger("journey.members", 200);
		int port = Integer.getInteger("journey.port", 18080);
		resetSchema(url, user, password);
		Path dir = Path.of("target", "journey");
		Files.createDirectories(dir);
		ConfigurableApplicationContext context = SpringApplication.run(KenninApplication.class,
				"--server.port=" + port, "--kennin.data-dir=" + dir.resolve("data"), "--kennin.demo.enabled=false",
				"--kennin.mail.capture=on", "--kennin.secret-key=" + secretKey(), "--kennin.base-url=http://127.0.0.1:" + port,
				"--logging.level.root=warn",
				"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
		Runtime.getRuntime().addShutdownHook(new Thread(context::close));
		List<String> logins = seed(context, members);
		String baseUrl = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		Files.writeString(dir.resolve("members.csv"), "userId,password\n" + String.join("\n", logins) + "\n",
				StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("server.url"), baseUrl, StandardCharsets.UTF_8);
		System.err.printf("Journey server ready at %s with %d members (target/journey/members.csv)%n", baseUrl,
				members);
		return baseUrl;
	}

	/**
	 * One insurer, its roster, an open campaign surveying spouses and children, and the
	 * members' accounts; the terms already accepted.
	 */
	static List<String> seed(ConfigurableApplicationContext context, int members) throws IOException {
		Tenant tenant = context.getBean(Tenants.class)
			.create(new Tenants.NewTenant("journey", "ジャーニー健康保険組合", "journey@kenpo.example", "ジャーニー健保",
					Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
		List<RosterPerson> people = new ArrayList<>();
		for (int i = 1; i <= members; i++) {
			String bango = String.valueOf(i);
			String office = String.format("%03d", i % 10);
			people.add(new RosterPerson(0, 0, "7", bango, RosterPerson.INSURED_EDABAN, true, "本人",
					RelationshipCategory.SELF, "検認 太郎" + i, "ケンニン タロウ", LocalDate.of(1970 + i % 20, 4, 1),
					Gender.MALE, "member" + i + "@journey.example", office, "事業所" + office, null, null, true));
			people.add(new RosterPerson(0, 0, "7", bango, "01", false, "妻", RelationshipCategory.SPOUSE,
					"検認 花子" + i, "ケンニン ハナコ", LocalDate.of(1972 + i % 20, 6, 1), Gender.FEMALE, null, office,
					"事業所" + office, true, null, true));
			people.add(new RosterPerson(0, 0, "7", bango, "02", false, "長男", RelationshipCategory.CHILD,
					"検認 一郎" + i, "ケンニン イチロウ", LocalDate.of(2005, 5, 20), Gender.MALE, null, office,
					"事業所" + office, true, null, true));
		}
		Roster roster = context.getBean(Roster.class);
		roster.upsert(tenant.id(), people);
		Clock clock = context.getBean(Clock.class);
		Instant now = clock.instant();
		Campaigns campaigns = context.getBean(Campaigns.class);
		long campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("被扶養者資格調査（ベンチマーク）", LocalDate.now(clock), now.minus(Duration.ofHours(1)),
						now.plus(Duration.ofDays(14)), false, "期限までに提出してください。", new TargetRules(null, null, null,
								EnumSet.of(RelationshipCategory.SPOUSE, RelationshipCategory.CHILD), null)));
		campaigns.open(tenant.id(), campaignId);
		AccountRepository accounts = context.getBean(AccountRepository.class);
		TermsConsents consents = context.getBean(TermsConsents.class);
		int terms = context.getBean(TermsOfUse.class).current().version();
		// One hash for all: Argon2id costs ~50 ms each, and login verifies it anyway.
		String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
		List<String> logins = new ArrayList<>();
		for (int i = 1; i <= members; i++) {
			long personId = roster.findInsured(tenant.id(), "7", String.valueOf(i)).orElseThrow().id();
			String userId = "journey" + i;
			long id = accounts.createPending(tenant.id(), personId, userId, hash, "member" + i + "@journey.example",
					now.plusSeconds(3600));
			accounts.activate(tenant.id(), id);
			consents.accept(tenant.id(), id, terms);
			logins.add(userId + "," + PASSWORD);
		}
		return logins;
	}

	private static void resetSchema(String url, String user, String password) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
	}

	/** A fresh key per run: nothing signed by an earlier run must stay valid. */
	private static String secretKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
