package jp.kennin.account;

import java.time.Duration;
import java.time.Instant;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Limits that hold across restarts of the sign-up: codes mailed per roster person, and
 * 「already taken」 answers for user IDs per session and per IP. Also the user ID as typed
 * on a Japanese keyboard.
 */
@KenninIntegrationTest
class SignupLimitsIntegrationTests {

	static final String PASSWORD = SignupIntegrationTests.PASSWORD;

	/** 2026-06-22 10:00 in Japan. */
	static final Instant START = Instant.parse("2026-06-22T01:00:00Z");

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

	/** Steps 1 and 2 in a fresh browser, as a member who starts over does. */
	org.springframework.test.web.servlet.ResultActions restart(Tenant tenant, RosterPerson person) throws Exception {
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person))
			.andExpect(redirectedUrl("/signup/account"));
		return client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD);
	}

	@Test
	void starting_over_sends_at_most_5_codes_an_hour_and_10_a_day_to_one_person() throws Exception {
		clock.setInstant(START);
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		for (int i = 0; i < 5; i++) {
			restart(tenant, person).andExpect(redirectedUrl("/signup/code"));
		}
		restart(tenant, person).andExpect(status().isOk())
			.andExpect(content().string(containsString("上限（1時間に5回）")))
			.andExpect(content().string(containsString("2026年06月22日 11:00")))
			.andExpect(content().string(containsString("以降にもう一度お試しください")))
			.andExpect(content().string(containsString("03-0000-0000")));
		assertThat(fixtures.mailsTo(email)).hasSize(5);

		clock.setInstant(START.plus(Duration.ofMinutes(61)));
		for (int i = 0; i < 5; i++) {
			restart(tenant, person).andExpect(redirectedUrl("/signup/code"));
		}
		clock.setInstant(START.plus(Duration.ofMinutes(125)));
		restart(tenant, person).andExpect(status().isOk())
			.andExpect(content().string(containsString("上限（1日に10回）")))
			.andExpect(content().string(containsString("2026年06月23日 10:00")));
		assertThat(fixtures.mailsTo(email)).hasSize(10);

		clock.setInstant(START.plus(Duration.ofHours(24)).plusSeconds(1));
		restart(tenant, person).andExpect(redirectedUrl("/signup/code"));
	}

	@Test
	void resent_codes_count_towards_the_cap_of_a_later_restart() throws Exception {
		clock.setInstant(START);
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD)
			.andExpect(redirectedUrl("/signup/code"));
		for (int i = 0; i < 3; i++) {
			clock.advance(Duration.ofSeconds(61));
			client.post("/signup/code/resend").andExpect(redirectedUrl("/signup/code"));
		}
		clock.advance(Duration.ofSeconds(61));
		restart(tenant, person).andExpect(redirectedUrl("/signup/code"));
		assertThat(fixtures.mailsTo(email)).hasSize(5);

		MemberClient last = new MemberClient(mvc);
		last.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		last.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD)
			.andExpect(content().string(containsString("上限（1時間に5回）")));
		assertThat(fixtures.mailsTo(email)).hasSize(5);
	}

	@Test
	void a_resend_over_the_cap_says_when_to_try_again() throws Exception {
		clock.setInstant(START);
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		for (int i = 0; i < 4; i++) {
			restart(tenant, person).andExpect(redirectedUrl("/signup/code"));
		}
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD)
			.andExpect(redirectedUrl("/signup/code"));
		clock.advance(Duration.ofSeconds(61));
		client.post("/signup/code/resend").andExpect(redirectedUrl("/signup/code"));
		client.get("/signup/code")
			.andExpect(content().string(containsString("上限（1時間に5回）")))
			.andExpect(content().string(containsString("2026年06月22日 11:00")))
			.andExpect(content().string(containsString("03-0000-0000")));
		assertThat(fixtures.mailsTo(email)).hasSize(5);
	}

	@Test
	void user_ids_taken_elsewhere_can_be_asked_10_times_per_session_and_person_then_the_step_waits() throws Exception {
		clock.setInstant(START);
		String taken = Registration.register(mvc, fixtures).userId();
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		for (int i = 0; i < 10; i++) {
			client.post("/signup/account", "userId", taken, "password", PASSWORD)
				.andExpect(content().string(containsString("このユーザーIDはすでに使われています")));
		}
		client.post("/signup/account", "userId", taken, "password", PASSWORD)
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("このユーザーIDはすでに使われています"))))
			.andExpect(content().string(containsString("ユーザーIDの確認が続いたため")))
			.andExpect(content().string(containsString("2026年06月22日 11:00")))
			.andExpect(content().string(containsString("value=\"" + taken + "\"")));
		// Even a free user ID is not checked now: nothing is mailed.
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD)
			.andExpect(content().string(containsString("ユーザーIDの確認が続いたため")));
		assertThat(fixtures.mailsTo(email)).isEmpty();

		// A new browser session for the same person does not start the count again.
		MemberClient fresh = new MemberClient(mvc);
		fresh.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		fresh.post("/signup/account", "userId", taken, "password", PASSWORD)
			.andExpect(content().string(containsString("ユーザーIDの確認が続いたため")));

		clock.advance(Duration.ofMinutes(61));
		client.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD)
			.andExpect(redirectedUrl("/signup/code"));
	}

	@Test
	void one_address_gets_30_taken_answers_an_hour_across_sessions() throws Exception {
		clock.setInstant(START);
		String taken = Registration.register(mvc, fixtures).userId();
		Tenant tenant = fixtures.tenant();
		String ip = MemberClient.nextIp();
		for (int session = 0; session < 3; session++) {
			// A different person each time: the per-person limit must not be what stops
			// it.
			RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
			MemberClient client = new MemberClient(mvc, ip);
			client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
			for (int i = 0; i < 10; i++) {
				client.post("/signup/account", "userId", taken, "password", PASSWORD)
					.andExpect(content().string(containsString("このユーザーIDはすでに使われています")));
			}
		}
		RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		MemberClient fourth = new MemberClient(mvc, ip);
		fourth.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		fourth.post("/signup/account", "userId", taken, "password", PASSWORD)
			.andExpect(content().string(containsString("ユーザーIDの確認が続いたため")));
		MemberClient elsewhere = new MemberClient(mvc);
		elsewhere.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		elsewhere.post("/signup/account", "userId", taken, "password", PASSWORD)
			.andExpect(content().string(containsString("このユーザーIDはすでに使われています")));
	}

	@Test
	void a_full_width_user_id_is_made_half_width_and_shown_when_done_and_filled_in_at_login() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		String userId = AccountFixtures.uniqueUserId();
		String typed = " " + toFullWidth(userId) + "\u3000";
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person));
		client.post("/signup/account", "userId", typed, "password", PASSWORD).andExpect(redirectedUrl("/signup/code"));
		client.post("/signup/code", "code", fixtures.lastCodeTo(email)).andExpect(redirectedUrl("/signup/done"));
		client.get("/signup/done")
			.andExpect(content().string(containsString("登録が完了しました")))
			.andExpect(content().string(containsString(userId)));
		client.get("/login").andExpect(content().string(containsString("value=\"" + userId + "\"")));
		new MemberClient(mvc).login(userId, PASSWORD).andExpect(redirectedUrl("/home"));
	}

	/**
	 * "user1a" → "ｕｓｅｒ１ａ": letters and digits as a Japanese IME in full-width mode types
	 * them.
	 */
	static String toFullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append(c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : (char) c));
		return out.toString();
	}

}
