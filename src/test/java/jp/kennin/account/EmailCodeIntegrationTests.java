package jp.kennin.account;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The sign-up code rules: 10 minutes, 5 wrong entries, resend cooldown and hourly limit,
 * bound to the browser session that asked for it.
 */
@KenninIntegrationTest
class EmailCodeIntegrationTests {

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

	record Started(MemberClient client, String email) {
	}

	Started start() throws Exception {
		clock.setInstant(clock.instant());
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password",
				SignupIntegrationTests.PASSWORD);
		return new Started(client, email);
	}

	static String wrong(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	@Test
	void the_code_is_valid_at_9_59() throws Exception {
		Started s = start();
		clock.advance(Duration.ofMinutes(9).plusSeconds(59));
		s.client()
			.post("/signup/code", "code", fixtures.lastCodeTo(s.email()))
			.andExpect(redirectedUrl("/signup/done"));
	}

	@Test
	void the_code_is_dead_at_10_01_and_says_it_expired() throws Exception {
		Started s = start();
		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		s.client()
			.post("/signup/code", "code", fixtures.lastCodeTo(s.email()))
			.andExpect(content().string(containsString("有効期限（送信から10分）が切れました")));
	}

	@Test
	void a_wrong_code_says_how_many_tries_are_left_and_the_sixth_try_fails_even_when_right() throws Exception {
		Started s = start();
		String code = fixtures.lastCodeTo(s.email());
		s.client().post("/signup/code", "code", wrong(code)).andExpect(content().string(containsString("あと4回入力できます")));
		for (int i = 0; i < 3; i++) {
			s.client().post("/signup/code", "code", wrong(code));
		}
		s.client().post("/signup/code", "code", wrong(code)).andExpect(content().string(containsString("5回間違えた")));
		s.client().post("/signup/code", "code", code).andExpect(content().string(containsString("5回間違えた")));
	}

	@Test
	void malformed_codes_get_exact_messages() throws Exception {
		Started s = start();
		s.client().post("/signup/code", "code", "12345").andExpect(content().string(containsString("桁数が足りません")));
		s.client().post("/signup/code", "code", "1234567").andExpect(content().string(containsString("桁数が多すぎます")));
		s.client().post("/signup/code", "code", "12a456").andExpect(content().string(containsString("数字で入力してください")));
	}

	@Test
	void resend_waits_60_seconds_sends_a_new_code_and_stops_after_5_an_hour() throws Exception {
		Started s = start();
		String first = fixtures.lastCodeTo(s.email());
		s.client().post("/signup/code/resend").andExpect(redirectedUrl("/signup/code"));
		s.client().get("/signup/code").andExpect(content().string(containsString("あと60秒ほどお待ちください")));
		assertThat(fixtures.mailsTo(s.email())).hasSize(1);

		for (int sent = 2; sent <= 5; sent++) {
			clock.advance(Duration.ofSeconds(61));
			s.client().post("/signup/code/resend");
			s.client().get("/signup/code").andExpect(content().string(containsString("再送しました")));
			assertThat(fixtures.mailsTo(s.email())).hasSize(sent);
		}
		clock.advance(Duration.ofSeconds(61));
		s.client().post("/signup/code/resend");
		assertThat(fixtures.mailsTo(s.email())).hasSize(5);
		s.client().get("/signup/code").andExpect(content().string(containsString("上限（1時間に5回）")));

		String latest = fixtures.lastCodeTo(s.email());
		if (!latest.equals(first)) {
			// A newer code supersedes the earlier ones.
			s.client().post("/signup/code", "code", first).andExpect(content().string(containsString("正しくありません")));
		}
		s.client().post("/signup/code", "code", latest).andExpect(redirectedUrl("/signup/done"));
	}

	@Test
	void a_code_works_only_in_the_browser_session_that_asked_for_it() throws Exception {
		Started s = start();
		MemberClient other = new MemberClient(mvc);
		other.post("/signup/code", "code", fixtures.lastCodeTo(s.email())).andExpect(redirectedUrl("/signup?expired"));
		s.client()
			.post("/signup/code", "code", fixtures.lastCodeTo(s.email()))
			.andExpect(redirectedUrl("/signup/done"));
		// Used once: a second entry is refused.
		s.client()
			.post("/signup/code", "code", fixtures.lastCodeTo(s.email()))
			.andExpect(redirectedUrl("/signup?expired"));
	}

}
