package jp.kennin.account;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Member mail over real SMTP (GreenMail): the sign-up code arrives from the insurer's
 * sender, in Japanese, with the help desk in the footer, and a code asked for during an
 * SMTP outage arrives later.
 */
@KenninIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=${kennin.test.smtp-port}" })
class MemberMailSmtpIntegrationTests {

	static final int PORT = jp.kennin.test.TestSmtp.PORT;

	private final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void stop() {
		smtp.stop();
		clock.reset();
	}

	@Test
	void the_sign_up_code_arrives_over_smtp_from_the_insurer() throws Exception {
		smtp.start();
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", Registration.PASSWORD);

		MimeMessage codeMail = awaitMail(email, "認証コード");
		InternetAddress from = (InternetAddress) codeMail.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo(tenant.mailFromAddress());
		assertThat(from.getPersonal()).isEqualTo(tenant.mailFromName());
		String body = codeMail.getContent().toString();
		assertThat(body).contains("御室 太郎 様").contains(tenant.name()).contains("03-0000-0000");
		String code = body.replaceAll("(?s).*認証コード：(\\d{6}).*", "$1");
		assertThat(code).matches("\\d{6}");
		client.post("/signup/code", "code", code).andExpect(redirectedUrl("/signup/done"));
	}

	@Test
	void a_code_requested_while_smtp_is_down_arrives_once_it_is_back() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", Registration.PASSWORD)
			.andExpect(redirectedUrl("/signup/code"));
		// The dispatcher has failed against the closed port at least once (the mail waits
		// for a retry).
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("""
					select count(*) from mail_outbox where to_address = ? and attempts > 0 and status = 'PENDING'""")
				.param(email)
				.query(Integer.class)
				.single() == 1);
		smtp.start();
		// Past the retry's backoff and the outbox's probe, still inside the code's 10
		// minutes (a code past its validity is not sent at all:
		// CodeMailDelayIntegrationTests).
		clock.advance(Duration.ofMinutes(2));
		String body = awaitMail(email, "認証コード").getContent().toString();
		assertThat(body).contains("認証コード：" + fixtures.lastCodeTo(email));
	}

	private MimeMessage awaitMail(String to, String subjectPart) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> recipient(m).equals(to) && subject(m).contains(subjectPart))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	private static String recipient(MimeMessage m) {
		try {
			return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
