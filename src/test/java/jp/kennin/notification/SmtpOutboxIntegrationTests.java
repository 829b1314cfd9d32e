package jp.kennin.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With SMTP configured: mail goes out over SMTP, survives an outage, and the dev mailbox
 * is gone.
 */
@KenninIntegrationTest
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=${kennin.test.smtp-port}" })
class SmtpOutboxIntegrationTests {

	static final int PORT = jp.kennin.test.TestSmtp.PORT;

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@AfterEach
	void stop() {
		smtp.stop();
		clock.reset();
	}

	@Test
	void mail_is_sent_over_smtp_with_japanese_subject_and_sender_name() throws Exception {
		smtp.start();
		String subject = "【デモ健康保険組合】認証コードのお知らせ " + UUID.randomUUID();
		tx.executeWithoutResult(s -> mailer.enqueue(new OutgoingMail(null, "kenpo@kennin.example", "デモ健康保険組合",
				"member@example.jp", subject, "認証コード：654321")));
		MimeMessage received = awaitMessage(subject);
		assertThat(received.getFrom()[0].toString()).contains("kenpo@kennin.example");
		assertThat(((jakarta.mail.internet.InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("デモ健康保険組合");
		assertThat(received.getContent().toString()).contains("認証コード：654321");
	}

	@Test
	void a_code_requested_while_smtp_is_down_arrives_once_smtp_is_back() throws Exception {
		String subject = "障害中に依頼されたコード " + UUID.randomUUID();
		tx.executeWithoutResult(s -> mailer.enqueue(
				new OutgoingMail(null, "kenpo@kennin.example", "検認", "member@example.jp", subject, "認証コード：111222")));
		// The dispatcher has failed at least once against the closed port (and keeps the
		// mail for a retry).
		await().atMost(Duration.ofSeconds(20)).until(() -> outbox(subject, "attempts > 0 and status = 'PENDING'"));
		smtp.start();
		// Move past the retry backoff instead of waiting for it.
		clock.advance(Duration.ofMinutes(30));
		MimeMessage received = awaitMessage(subject);
		assertThat(received.getContent().toString()).contains("111222");
		// Sent once marked SENT; a mail enqueued after it arriving proves a later
		// dispatcher run passed it over.
		await().atMost(Duration.ofSeconds(20)).until(() -> outbox(subject, "status = 'SENT'"));
		String later = "後続のメール " + UUID.randomUUID();
		// Back to a running clock: with the clock frozen a mail due "now" might never
		// come due (its stored time
		// may be rounded up past the frozen instant).
		clock.reset();
		tx.executeWithoutResult(s -> mailer
			.enqueue(new OutgoingMail(null, "kenpo@kennin.example", "検認", "member@example.jp", later, "本文")));
		awaitMessage(later);
		assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subjectOf(m).equals(subject)))
			.as("sent exactly once")
			.hasSize(1);
	}

	@Test
	@WithMockUser(roles = "MEMBER")
	void the_dev_mailbox_does_not_exist_when_smtp_is_configured() throws Exception {
		mvc.perform(get("/dev/mail")).andExpect(status().isNotFound());
	}

	/**
	 * Whether the outbox holds the mail with {@code subject} in the state
	 * {@code condition} describes.
	 */
	private boolean outbox(String subject, String condition) {
		return jdbc.sql("select count(*) from mail_outbox where subject = ? and " + condition)
			.param(subject)
			.query(Integer.class)
			.single() == 1;
	}

	private MimeMessage awaitMessage(String subject) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(smtp.getReceivedMessages())
				.filter(m -> subjectOf(m).equals(subject))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	private static String subjectOf(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
