package jp.kennin.account;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class MyPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void my_page_shows_the_registration() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		member.loggedIn(mvc)
			.get("/mypage")
			.andExpect(content().string(containsString(member.userId())))
			.andExpect(content().string(containsString(member.email())))
			.andExpect(content().string(containsString("オムロ\u3000タロウ")))
			.andExpect(content().string(containsString(member.person().bango())));
	}

	@Test
	void changing_the_email_needs_a_code_sent_to_the_new_address_and_tells_the_old_one() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		String newEmail = AccountFixtures.uniqueEmail();
		client.post("/mypage/email", "email", newEmail, "emailConfirm", newEmail, "currentPassword", member.password())
			.andExpect(redirectedUrl("/mypage/email/code"));
		client.get("/mypage/email/code").andExpect(content().string(containsString(newEmail)));
		String code = fixtures.lastCodeTo(newEmail);
		client.post("/mypage/email/code", "code", EmailCodeIntegrationTests.wrong(code))
			.andExpect(content().string(containsString("あと4回")));
		client.post("/mypage/email/code", "code", code).andExpect(redirectedUrl("/mypage"));
		client.get("/mypage").andExpect(content().string(containsString(newEmail)));
		assertThat(fixtures.lastMailTo(member.email()).subject()).contains("メールアドレスが変更されました");
		assertThat(fixtures.lastMailTo(member.email()).body()).doesNotContain(newEmail);
		assertThat(fixtures.lastMailTo(newEmail).subject()).contains("メールアドレスを登録しました");
	}

	@Test
	void changing_the_email_asks_for_the_current_password_and_keeps_what_was_typed() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage/email").andExpect(content().string(containsString("autocomplete=\"current-password\"")));
		String newEmail = AccountFixtures.uniqueEmail();
		client.post("/mypage/email", "email", newEmail, "emailConfirm", newEmail)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("現在のパスワードを入力してください")))
			.andExpect(content().string(containsString("value=\"" + newEmail + "\"")));
		client.post("/mypage/email", "email", newEmail, "emailConfirm", newEmail, "currentPassword", "Wrong#pass99")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("現在のパスワードが正しくありません")))
			.andExpect(content().string(containsString("value=\"" + newEmail + "\"")))
			.andExpect(content().string(not(containsString("Wrong#pass99"))));
		assertThat(fixtures.mailsTo(newEmail)).isEmpty();
		client.post("/mypage/email", "email", newEmail, "emailConfirm", newEmail, "currentPassword", member.password())
			.andExpect(redirectedUrl("/mypage/email/code"));
		assertThat(fixtures.lastCodeTo(newEmail)).hasSize(6);
	}

	@Test
	void wrong_current_passwords_count_with_failed_logins_and_the_lock_ends_the_session() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(clock.instant());
		MemberClient client = member.loggedIn(mvc);
		MemberClient otherDevice = member.loggedIn(mvc);
		// Three failed logins elsewhere count too: the same counter as the login's.
		MemberClient attacker = new MemberClient(mvc);
		for (int i = 0; i < 3; i++) {
			attacker.login(member.userId(), "Wrong#login" + i).andExpect(redirectedUrl("/login?error"));
		}
		client.post("/mypage/password", "currentPassword", "Wrong#pass0", "password", "Momiji!2027zz")
			.andExpect(content().string(containsString("現在のパスワードが正しくありません")))
			.andExpect(content().string(containsString("あと6回")));
		client.post("/mypage/password", "currentPassword", "Wrong#pass1", "password", "Momiji!2027zz")
			.andExpect(content().string(containsString("あと5回")));
		// From the 5th failure the next attempt must wait, as at the login; it is not
		// counted.
		client
			.post("/mypage/email", "email", "n@example.jp", "emailConfirm", "n@example.jp", "currentPassword",
					member.password())
			.andExpect(content().string(containsString("秒ほど待ってから")));
		for (int i = 2; i < 6; i++) {
			clock.advance(Duration.ofMinutes(1));
			client
				.post("/mypage/email", "email", "n@example.jp", "emailConfirm", "n@example.jp", "currentPassword",
						"Wrong#pass" + i)
				.andExpect(content().string(containsString("あと" + (10 - 3 - i - 1) + "回")))
				.andExpect(content().string(containsString("value=\"n@example.jp\"")));
		}
		clock.advance(Duration.ofMinutes(1));
		client.post("/mypage/password", "currentPassword", "Wrong#pass6", "password", "Momiji!2027zz")
			.andExpect(redirectedUrl("/login?locked"));
		client.get("/mypage").andExpect(status().is3xxRedirection());
		otherDevice.get("/mypage").andExpect(status().is3xxRedirection());
		new MemberClient(mvc).get("/login?locked").andExpect(content().string(containsString("15分")));
		new MemberClient(mvc).login(member.userId(), member.password()).andExpect(redirectedUrl("/login?error"));
		assertThat(fixtures.mailsTo("n@example.jp")).isEmpty();

		clock.advance(Duration.ofMinutes(16));
		member.loggedIn(mvc).get("/mypage").andExpect(status().isOk());
	}

	@Test
	void changing_the_password_needs_the_current_one_and_sends_a_notice() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		MemberClient otherDevice = member.loggedIn(mvc);
		client.post("/mypage/password", "currentPassword", "wrong", "password", "Momiji!2027zz")
			.andExpect(content().string(containsString("現在のパスワードが正しくありません")));
		client.post("/mypage/password", "currentPassword", member.password(), "password", "short1!")
			.andExpect(content().string(containsString("8文字以上")));
		client.post("/mypage/password", "currentPassword", member.password(), "password", "Momiji!2027zz")
			.andExpect(redirectedUrl("/mypage"));
		assertThat(fixtures.lastMailTo(member.email()).subject()).contains("パスワードが変更されました");
		client.get("/mypage").andExpect(status().isOk());
		otherDevice.get("/mypage").andExpect(status().is3xxRedirection());
		new MemberClient(mvc).login(member.userId(), "Momiji!2027zz").andExpect(redirectedUrl("/home"));
	}

}
