package jp.kennin.notification.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kennin.notification.Mailer;
import jp.kennin.notification.OutgoingMail;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestMember;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With capture off and no SMTP host (what an operator chooses with
 * {@code KENNIN_MAIL_CAPTURE=off}) there is no mailbox to read other people's mail and
 * reset links from, and this node sends nothing.
 */
@KenninIntegrationTest
@TestPropertySource(properties = "kennin.mail.capture=off")
class DevMailboxOffIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	OutboxDispatcher dispatcher;

	@Test
	void the_dev_mailbox_does_not_exist_and_mail_waits_in_the_outbox() throws Exception {
		String subject = "パスワード再設定 " + UUID.randomUUID();
		Long id = tx.execute(s -> mailer.enqueue(new OutgoingMail(null, "from@kennin.example", "検認",
				"member@example.jp", subject, "再設定リンク: https://kennin.example/reset-password/secret")));

		// Not a public page any more: a visitor is sent to the login like on any other
		// unknown address …
		mvc.perform(get("/dev/mail")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		// … and behind the login there is nothing.
		RequestPostProcessor member = TestMember.of(1L, "01", "m" + UUID.randomUUID().toString().substring(0, 8));
		mvc.perform(get("/dev/mail").with(member)).andExpect(status().isNotFound());
		mvc.perform(get("/dev/mail/20260101T000000-" + id + ".eml").with(member)).andExpect(status().isNotFound());

		// Other test contexts share the database and may send it; this one has nothing to
		// send it with.
		assertThat(dispatcher.dispatchDue()).isZero();
	}

}
