package jp.kennin.account;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.PasswordPolicyPreset;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.TestTenants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants, roster people and mail lookups for the account tests. Every call makes unique
 * keys, since all tests share one database.
 */
@Component
public class AccountFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Pattern CODE = Pattern.compile("認証コード：(\\d{6})");

	final Tenants tenants;

	final Roster roster;

	final JdbcClient jdbc;

	AccountFixtures(Tenants tenants, Roster roster, JdbcClient jdbc) {
		this.tenants = tenants;
		this.roster = roster;
		this.jdbc = jdbc;
	}

	public Tenant tenant() {
		return TestTenants.create(tenants, "テスト健康保険組合");
	}

	public Tenant tenant(PasswordPolicyPreset policy) {
		return TestTenants.create(tenants, "テスト健康保険組合", policy);
	}

	public static String uniqueUserId() {
		return "user" + Long.toString(System.nanoTime() % 100_000_000L, 36) + SEQUENCE.incrementAndGet();
	}

	public static String uniqueEmail() {
		return uniqueUserId() + "@example.jp";
	}

	/**
	 * An active insured person, 記号 "01", a unique 番号, born 1980-04-01, named 御室 太郎 / オムロ
	 * タロウ.
	 */
	public RosterPerson insured(Tenant tenant, String email) {
		return insured(tenant, "t" + SEQUENCE.incrementAndGet(), email, true);
	}

	public RosterPerson insured(Tenant tenant, String bango, String email, boolean active) {
		roster.upsert(tenant.id(),
				List.of(new RosterPerson(0, 0, "01", bango, RosterPerson.INSURED_EDABAN, true, "本人",
						RelationshipCategory.SELF, "御室 太郎", "オムロ タロウ", LocalDate.of(1980, 4, 1),
						RosterPerson.Gender.MALE, email, null, null, null, null, active)));
		return roster.findInsured(tenant.id(), "01", bango).orElseThrow();
	}

	/** The body of the newest mail to an address, with its subject and sender. */
	public record Mail(String from, String fromName, String subject, String body) {
	}

	public List<Mail> mailsTo(String to) {
		return jdbc
			.sql("select from_address, from_name, subject, body from mail_outbox where to_address = ? order by id desc")
			.param(to)
			.query((rs, i) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Mail lastMailTo(String to) {
		List<Mail> mails = mailsTo(to);
		assertThat(mails).as("mail to " + to).isNotEmpty();
		return mails.get(0);
	}

	public String lastCodeTo(String to) {
		Matcher m = CODE.matcher(lastMailTo(to).body());
		assertThat(m.find()).as("code in the mail").isTrue();
		return m.group(1);
	}

}
