package jp.kennin.notification;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class DevMailboxIntegrationTests {

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void captured_mail_is_listed_newest_first_and_readable() throws Exception {
		String first = "最初のメール " + UUID.randomUUID();
		String second = "次のメール " + UUID.randomUUID();
		tx.executeWithoutResult(s -> mailer
			.enqueue(new OutgoingMail(null, "from@kennin.example", "検認テスト", "member@example.jp", first, "本文その一")));
		tx.executeWithoutResult(s -> mailer.enqueue(new OutgoingMail(null, "from@kennin.example", "検認テスト",
				"member@example.jp", second, "本文その二\n認証コード：123456")));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(get("/dev/mail"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(first)))
				.andExpect(content().string(containsString(second))));

		String page = mvc.perform(get("/dev/mail")).andReturn().getResponse().getContentAsString();
		assertThat(page.indexOf(second)).isLessThan(page.indexOf(first));

		String link = page.substring(page.indexOf("/dev/mail/", page.indexOf("<tbody>")));
		link = link.substring(0, link.indexOf('"'));
		mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("認証コード：123456")))
			.andExpect(content().string(containsString("検認テスト")));
	}

	@Test
	void a_rolled_back_action_sends_nothing() throws Exception {
		String subject = "取り消されるメール " + UUID.randomUUID();
		try {
			tx.executeWithoutResult(s -> {
				mailer.enqueue(new OutgoingMail(null, "from@kennin.example", "検認", "x@example.jp", subject, "本文"));
				throw new IllegalStateException("rollback");
			});
		}
		catch (IllegalStateException expected) {
			// the action failed, so its mail must vanish with it
		}
		assertThat(jdbc.sql("select count(*) from mail_outbox where subject = ?")
			.param(subject)
			.query(Integer.class)
			.single()).as("rolled back with the action").isZero();
		// Positive signal that the dispatcher ran after the rollback: a mail enqueued
		// later has been delivered
		// (mail goes out in outbox order, so the rolled-back one would have gone first).
		String later = "後から送るメール " + UUID.randomUUID();
		// A recipient of its own, so tests that look for mail to an address never see
		// this one.
		String laterTo = "later-" + UUID.randomUUID() + "@example.jp";
		tx.executeWithoutResult(
				s -> mailer.enqueue(new OutgoingMail(null, "from@kennin.example", "検認", laterTo, later, "本文")));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> mvc.perform(get("/dev/mail")).andExpect(content().string(containsString(later))));
		mvc.perform(get("/dev/mail")).andExpect(content().string(not(containsString(subject))));
	}

	@Test
	void file_names_outside_the_mailbox_are_not_served() throws Exception {
		mvc.perform(get("/dev/mail/..%2F..%2Fsecret.key")).andExpect(status().is4xxClientError());
		mvc.perform(get("/dev/mail/20260101T000000-999999999.eml")).andExpect(status().isNotFound());
	}

}
