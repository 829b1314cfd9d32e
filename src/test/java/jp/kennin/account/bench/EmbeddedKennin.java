package jp.kennin.account.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.kennin.KenninApplication;
import jp.kennin.account.internal.AccountRepository;
import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Kennin started in the benchmark's JVM on a free port with a fresh embedded database,
 * and one active member created directly (the sign-up pages are not what is measured).
 */
final class EmbeddedKennin implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String userId;

	private EmbeddedKennin(ConfigurableApplicationContext context, String userId) {
		this.context = context;
		this.userId = userId;
	}

	static EmbeddedKennin start() {
		String dir = "target/bench-data/" + System.currentTimeMillis();
		ConfigurableApplicationContext context = SpringApplication.run(KenninApplication.class, "--server.port=0",
				"--kennin.data-dir=" + dir, "--kennin.demo.enabled=false", "--logging.level.root=warn",
				"--spring.datasource.url=jdbc:h2:file:./" + dir + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH");
		Tenants tenants = context.getBean(Tenants.class);
		Tenant tenant = tenants.create(new Tenants.NewTenant("bench", "ベンチ健康保険組合", "bench@kennin.example", "ベンチ健康保険組合",
				Tenant.SupportDesk.none(), PasswordPolicyPreset.SEED));
		Roster roster = context.getBean(Roster.class);
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, "01", "1", RosterPerson.INSURED_EDABAN, true, "本人",
						RelationshipCategory.SELF, "検認 太郎", "ケンニン タロウ", LocalDate.of(1980, 4, 1), null,
						"bench@example.jp", null, null, null, null, true)));
		long personId = roster.findInsured(tenant.id(), "01", "1").orElseThrow().id();
		AccountRepository accounts = context.getBean(AccountRepository.class);
		String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
		long id = accounts.createPending(tenant.id(), personId, "bench-user", hash, "bench@example.jp",
				context.getBean(Clock.class).instant().plusSeconds(3600));
		accounts.activate(tenant.id(), id);
		return new EmbeddedKennin(context, "bench-user");
	}

	static final String PASSWORD = "Bench#2026kp";

	String baseUrl() {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	String userId() {
		return userId;
	}

	String password() {
		return PASSWORD;
	}

	@Override
	public void close() {
		context.close();
	}

}
