package jp.kennin.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class RecoveryIntegrationTests {

	static final Pattern LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");

	static final String NEW_PASSWORD = "Momiji!2027zz";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String token(Registration member) {
		Matcher m = LINK.matcher(fixtures.lastMailTo(member.email()).body());
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	@Test
	void forgot_password_answers_the_same_whether_or_not_the_account_exists() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		int mailsBefore = fixtures.mailsTo(member.email()).size();
		String unknown = new MemberClient(mvc)
			.post("/forgot-password", "userId", "nobody-" + member.userId(), "email", member.email())
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fixtures.mailsTo(member.email())).hasSize(mailsBefore);
		String wrongEmail = new MemberClient(mvc)
			.post("/forgot-password", "userId", member.userId(), "email", "other@example.jp")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fixtures.mailsTo(member.email())).hasSize(mailsBefore);
		String known = new MemberClient(mvc)
			.post("/forgot-password", "userId", member.userId(), "email", member.email())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fixtures.mailsTo(member.email())).hasSize(mailsBefore + 1);
		assertThat(LoginIntegrationTests.withoutCsrf(known)).isEqualTo(LoginIntegrationTests.withoutCsrf(unknown))
			.isEqualTo(LoginIntegrationTests.withoutCsrf(wrongEmail));
		assertThat(known).contains("受け付けました");
	}

	@Test
	void the_reset_link_works_once_under_the_policy_and_ends_every_session() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient otherDevice = member.loggedIn(mvc);
		otherDevice.get("/mypage").andExpect(status().isOk());
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email());
		String token = token(member);
		assertThat(jdbc.sql("select count(*) from member_reset_token where token_hash = ?")
			.param(token)
			.query(Integer.class)
			.single()).as("stored hashed").isZero();
		MemberClient client = new MemberClient(mvc);
		client.get("/reset-password?token=" + token)
			.andExpect(content().string(containsString("新しいパスワードの設定")))
			.andExpect(content().string(containsString("autocomplete=\"new-password\"")));
		client.post("/reset-password", "token", token, "password", "password1234")
			.andExpect(content().string(containsString("よく使われていて推測されやすい")));
		client.post("/reset-password", "token", token, "password", NEW_PASSWORD)
			.andExpect(redirectedUrl("/login?reset"));

		otherDevice.get("/mypage").andExpect(status().is3xxRedirection());
		assertThat(fixtures.lastMailTo(member.email()).subject()).contains("パスワードを再設定しました");
		client.post("/reset-password", "token", token, "password", "Another!2027zz")
			.andExpect(content().string(containsString("このURLは使用できません")));
		new MemberClient(mvc).login(member.userId(), member.password()).andExpect(redirectedUrl("/login?error"));
		new MemberClient(mvc).login(member.userId(), NEW_PASSWORD).andExpect(redirectedUrl("/home"));
	}

	@Test
	void a_newer_link_invalidates_every_older_one_and_a_completed_reset_the_rest() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email());
		String first = token(member);
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email());
		String second = token(member);
		assertThat(second).isNotEqualTo(first);
		new MemberClient(mvc).get("/reset-password?token=" + first)
			.andExpect(content().string(containsString("このURLは使用できません")));
		new MemberClient(mvc).post("/reset-password", "token", first, "password", NEW_PASSWORD)
			.andExpect(content().string(containsString("このURLは使用できません")));

		new MemberClient(mvc).post("/reset-password", "token", second, "password", NEW_PASSWORD)
			.andExpect(redirectedUrl("/login?reset"));
		assertThat(jdbc
			.sql("select count(*) from member_reset_token t join member_account a on a.id = t.account_id "
					+ "where a.user_id = ? and t.used_at is null and t.revoked_at is null")
			.param(member.userId())
			.query(Integer.class)
			.single()).as("links still usable").isZero();
		new MemberClient(mvc).login(member.userId(), NEW_PASSWORD).andExpect(redirectedUrl("/home"));
	}

	@Test
	void changing_the_password_on_my_page_invalidates_a_mailed_link() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email());
		String link = token(member);
		MemberClient client = member.loggedIn(mvc);
		client.post("/mypage/password", "currentPassword", member.password(), "password", NEW_PASSWORD)
			.andExpect(redirectedUrl("/mypage"));
		new MemberClient(mvc).get("/reset-password?token=" + link)
			.andExpect(content().string(containsString("このURLは使用できません")));
	}

	@Test
	void an_inactive_member_gets_no_reset_link() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		fixtures.insured(member.tenant(), member.person().bango(), member.person().email(), false);
		int before = fixtures.mailsTo(member.email()).size();
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email())
			.andExpect(content().string(containsString("受け付けました")));
		assertThat(fixtures.mailsTo(member.email())).hasSize(before);
	}

	@Test
	void the_reset_link_expires_after_30_minutes() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(clock.instant());
		new MemberClient(mvc).post("/forgot-password", "userId", member.userId(), "email", member.email());
		String token = token(member);
		clock.advance(Duration.ofMinutes(29));
		new MemberClient(mvc).get("/reset-password?token=" + token)
			.andExpect(content().string(containsString("新しいパスワード")));
		clock.advance(Duration.ofMinutes(2));
		new MemberClient(mvc).get("/reset-password?token=" + token)
			.andExpect(content().string(containsString("このURLは使用できません")));
	}

	@Test
	void forgot_user_id_mails_the_id_and_never_shows_it() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		int before = fixtures.mailsTo(member.email()).size();
		String page = new MemberClient(mvc)
			.post("/forgot-user-id", "tenantCode", member.tenant().code().toUpperCase(), "kigo", "０１", "bango",
					member.person().bango(), "birthYear", "1980", "birthMonth", "04", "birthDay", "01")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(member.userId()).contains("受け付けました");
		assertThat(fixtures.mailsTo(member.email())).hasSize(before + 1);
		assertThat(fixtures.lastMailTo(member.email()).body()).contains("ユーザーID：" + member.userId());

		String wrong = new MemberClient(mvc)
			.post("/forgot-user-id", "tenantCode", member.tenant().code(), "kigo", "01", "bango",
					member.person().bango(), "birthYear", "1981", "birthMonth", "4", "birthDay", "1")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fixtures.mailsTo(member.email())).hasSize(before + 1);
		assertThat(LoginIntegrationTests.withoutCsrf(wrong)).isEqualTo(LoginIntegrationTests.withoutCsrf(page));
	}

	@Test
	void recovery_requests_are_limited_per_address() throws Exception {
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 10; i++) {
			client.post("/forgot-password", "userId", "someone" + i, "email", "x@example.jp")
				.andExpect(content().string(not(containsString("上限に達しました"))));
		}
		client.post("/forgot-password", "userId", "someone", "email", "x@example.jp")
			.andExpect(content().string(containsString("上限に達しました")));
	}

}
