package jp.kennin.account;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class MyPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void my_page_shows_the_registration() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		member.loggedIn(mvc).get("/mypage")
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
		client.post("/mypage/email", "email", newEmail, "emailConfirm", newEmail).andExpect(redirectedUrl("/mypage/email/code"));
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
