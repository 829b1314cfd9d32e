package jp.kennin.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditLog audit;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_login_page_has_the_seed_links_and_site_notices() throws Exception {
		new MemberClient(mvc).get("/login")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("パスワードを忘れた方はこちら")))
			.andExpect(content().string(containsString("ユーザーIDを忘れた方はこちら")))
			.andExpect(content().string(containsString("ユーザーIDの作成がまだの方はこちら")))
			.andExpect(content().string(containsString("サイトからのお知らせ")))
			.andExpect(content().string(containsString("href=\"/browsers\"")))
			.andExpect(content().string(containsString("autocomplete=\"current-password\"")));
	}

	@Test
	void first_login_asks_for_consent_then_greets_by_name_with_first_login_wording() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = new MemberClient(mvc);
		client.get("/login");
		String before = client.sessionCookie().getValue();
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
		assertThat(client.sessionCookie().getValue()).as("new session ID at login").isNotEqualTo(before);
		client.get("/home").andExpect(redirectedUrl("/terms/consent"));
		client.get("/mypage").andExpect(redirectedUrl("/terms/consent"));
		client.get("/terms/consent")
			.andExpect(content().string(containsString("利用規約に同意する")))
			.andExpect(content().string(containsString("第1条")));
		client.post("/terms/consent", "version", "1").andExpect(content().string(containsString("チェックを入れてください")));
		Registration.acceptTerms(client);
		client.get("/home")
			.andExpect(content().string(containsString("御室 太郎さん、こんにちは")))
			.andExpect(content().string(containsString("今回が初めてのログインです")))
			.andExpect(content().string(containsString("準備中")))
			.andExpect(content().string(containsString("回答が必要な調査はありません")))
			.andExpect(content().string(containsString("健康保険組合からのお知らせ")))
			.andExpect(content().string(containsString("ログアウト")));
		client.get("/").andExpect(redirectedUrl("/home"));
		assertThat(types(member)).contains("TERMS_ACCEPTED", "LOGIN_SUCCEEDED", "SIGNUP_COMPLETED", "CODE_SENT");
	}

	@Test
	void the_second_login_shows_the_previous_one_in_japan_time() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(Instant.parse("2026-06-22T07:39:14Z"));
		member.loggedIn(mvc);
		clock.setInstant(Instant.parse("2026-06-23T01:00:00Z"));
		MemberClient client = new MemberClient(mvc);
		client.login(member.userId(), member.password());
		client.get("/home").andExpect(content().string(containsString("前回ログイン：2026年06月22日 16:39:14")));
	}

	@Test
	void unknown_user_and_wrong_password_get_the_same_answer() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient a = new MemberClient(mvc);
		a.login(member.userId(), "Wrong#pass99").andExpect(redirectedUrl("/login?error"));
		MemberClient b = new MemberClient(mvc);
		b.login("nobody-" + member.userId(), "Wrong#pass99").andExpect(redirectedUrl("/login?error"));
		String pageA = a.get("/login?error").andReturn().getResponse().getContentAsString();
		String pageB = b.get("/login?error").andReturn().getResponse().getContentAsString();
		assertThat(pageA).contains("ユーザーIDまたはパスワードが正しくありません").contains("value=\"" + member.userId() + "\"");
		assertThat(withoutCsrf(pageA.replace(member.userId(), "X")))
			.isEqualTo(withoutCsrf(pageB.replace("nobody-" + member.userId(), "X")));
		assertThat(pageA).doesNotContain("Wrong#pass99");
	}

	@Test
	void ten_failures_lock_the_account_for_15_minutes() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(clock.instant());
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 10; i++) {
			client.login(member.userId(), "Wrong#pass" + i).andExpect(redirectedUrl("/login?error"));
			clock.advance(Duration.ofMinutes(2));
		}
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/login?error"));
		clock.advance(Duration.ofMinutes(12));
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/login?error"));
		assertThat(types(member)).contains("ACCOUNT_LOCKED");
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
	}

	@Test
	void from_the_fifth_failure_the_next_attempt_must_wait() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(clock.instant());
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 5; i++) {
			client.login(member.userId(), "Wrong#pass" + i);
		}
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/login?error"));
		clock.advance(Duration.ofSeconds(3));
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
	}

	@Test
	void one_address_failing_across_many_user_ids_is_throttled() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 30; i++) {
			client.login("stuffing" + i + "-" + member.userId(), "Password#" + i);
		}
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("/login?throttled"));
		client.get("/login?throttled").andExpect(content().string(containsString("15分ほど時間をおいて")));
		new MemberClient(mvc).login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
	}

	@Test
	void a_timed_out_member_returns_to_the_page_they_were_on() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		member.loggedIn(mvc);
		MemberClient client = new MemberClient(mvc);
		client.get("/mypage/password").andExpect(status().is3xxRedirection());
		client.login(member.userId(), member.password())
			.andExpect(redirectedUrl("http://localhost/mypage/password?continue"));
	}

	@Test
	void a_session_ends_12_hours_after_login_however_active() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		clock.setInstant(clock.instant());
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage").andExpect(status().isOk());
		clock.advance(Duration.ofHours(11).plusMinutes(59));
		client.get("/mypage").andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(2));
		client.get("/mypage").andExpect(redirectedUrl("/login?expired"));
		client.login(member.userId(), member.password()).andExpect(redirectedUrl("http://localhost/mypage?continue"));
	}

	@Test
	void logout_ends_the_session_on_the_server() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		jakarta.servlet.http.Cookie old = client.sessionCookie();
		client.post("/logout").andExpect(redirectedUrl("/login?logout"));
		MemberClient replay = new MemberClient(mvc);
		replay.useSession(old);
		replay.get("/home").andExpect(status().is3xxRedirection());
		assertThat(types(member)).contains("LOGOUT");
	}

	static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	private List<String> types(Registration member) {
		return audit.search(new AuditLog.Query(member.tenant().id(), null, null, member.userId(), null, 100))
			.stream()
			.map(AuditEntry::type)
			.toList();
	}

}
