package jp.kennin.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Issue 16 item 3: with SMTP down a queued code arrived after its validity, a replaced
 * code after its replacement, and the page said 送信しました. The code mail now carries its
 * expiry and replaces the unsent mail of the code before it, and the code page says when
 * the mail has not gone out.
 */
@KenninIntegrationTest
class CodeMailDelayIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_code_page_says_when_the_mail_has_not_gone_out_and_a_code_mail_expires_with_its_code() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password",
				SignupIntegrationTests.PASSWORD);

		Map<String, Object> mail = jdbc
			.sql("select id, created_at, not_after, supersede_key from mail_outbox where to_address = ?")
			.param(email)
			.query()
			.singleRow();
		Instant queued = instant(mail.get("created_at"));
		Instant notAfter = instant(mail.get("not_after"));
		assertThat(Duration.between(queued, notAfter)).as("not sent once the code is dead")
			.isBetween(Duration.ofMinutes(9).plusSeconds(59), Duration.ofMinutes(10));
		assertThat((String) mail.get("supersede_key")).startsWith("code:VERIFY_EMAIL:");
		long id = ((Number) mail.get("id")).longValue();

		// SMTP is down: the first attempt failed and the mail waits for a retry.
		pretendTheFirstAttemptFailed(id);
		client.get("/signup/code")
			.andExpect(content().string(containsString("メールの送信が遅れています")))
			.andExpect(content().string(not(containsString("送信できませんでした"))));

		jdbc.sql("update mail_outbox set status = 'EXPIRED' where id = ?").param(id).update();
		client.get("/signup/code").andExpect(content().string(containsString("認証コードのメールを送信できませんでした")));

		jdbc.sql("update mail_outbox set status = 'SENT' where id = ?").param(id).update();
		client.get("/signup/code")
			.andExpect(content().string(not(containsString("メールの送信が遅れています"))))
			.andExpect(content().string(not(containsString("送信できませんでした"))));
	}

	@Test
	void a_resent_code_replaces_the_unsent_mail_of_the_code_before_it() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password",
				SignupIntegrationTests.PASSWORD);
		long first = jdbc.sql("select id from mail_outbox where to_address = ?")
			.param(email)
			.query(Long.class)
			.single();
		// Still unsent (SMTP down), and the resend cooldown has passed.
		pretendTheFirstAttemptFailed(first);
		jdbc.sql("update member_email_code set issued_at = ? where email = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))), email)
			.update();
		client.post("/signup/code/resend");
		List<String> states = jdbc.sql("select status from mail_outbox where to_address = ? order by id")
			.param(email)
			.query(String.class)
			.list();
		assertThat(states).hasSize(2);
		assertThat(states.get(0)).as("the replaced code is never sent").isEqualTo("SUPERSEDED");
	}

	/**
	 * The outbox worker runs in the test context: it is left to finish with the mail
	 * first, or its "SENT" could land after the rewrite below (a flake seen on
	 * PostgreSQL).
	 */
	private void pretendTheFirstAttemptFailed(long id) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single(),
					"SENT"::equals);
		jdbc.sql("""
				update mail_outbox set status = 'PENDING', attempts = 1, next_attempt_at = ?, sent_at = null,
				  claimed_by = null, claimed_until = null where id = ?""")
			.params(Timestamp.from(Instant.now().plus(Duration.ofHours(1))), id)
			.update();
	}

	/** H2 returns OffsetDateTime for timestamp with time zone, PostgreSQL Timestamp. */
	private static Instant instant(Object value) {
		return value instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) value).toInstant();
	}

}
