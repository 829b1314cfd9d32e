package jp.kennin.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Session, hashing and enumeration rules of docs/security that are not about one page.
 */
@KenninIntegrationTest
class AccountSecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_session_idle_for_31_minutes_is_over() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage").andExpect(status().isOk());
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = ?")
			.param(member.userId())
			.query(Integer.class)
			.single()).isEqualTo(1800);
		long thirtyOneMinutes = 31 * 60 * 1000L;
		jdbc.sql("""
				update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
				where principal_name = ?""")
			.params(thirtyOneMinutes, thirtyOneMinutes, member.userId())
			.update();
		client.get("/mypage").andExpect(status().is3xxRedirection());
	}

	@Test
	void passwords_are_stored_as_argon2id_and_older_hashes_are_upgraded_at_login() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		assertThat(hash(member)).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
		jdbc.sql("update member_account set password_hash = ? where user_id = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder().encode(member.password()), member.userId())
			.update();
		new MemberClient(mvc).login(member.userId(), member.password()).andExpect(redirectedUrl("/home"));
		assertThat(hash(member)).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void a_long_password_is_verified_in_full() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		String longPassword = "あいうえお".repeat(20) + "x".repeat(60);
		String changed = longPassword.substring(0, longPassword.length() - 1) + "y";
		jdbc.sql("update member_account set password_hash = ? where user_id = ?")
			.params("{argon2}" + new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 19_456, 2)
				.encode(longPassword), member.userId())
			.update();
		new MemberClient(mvc).login(member.userId(), changed).andExpect(redirectedUrl("/login?error"));
		new MemberClient(mvc).login(member.userId(), longPassword).andExpect(redirectedUrl("/home"));
	}

	@Test
	void state_changing_urls_refuse_get_and_posts_without_token() throws Exception {
		new MemberClient(mvc).get("/signup/code/resend").andExpect(status().isMethodNotAllowed());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/signup")
			.param("tenantCode", "demo")).andExpect(status().isForbidden());
	}

	@Test
	void unknown_and_known_user_ids_take_the_same_time_to_refuse() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			// Alternate, so the machine's other load affects both sides alike; a fresh IP each time.
			unknown.add(time("nobody-" + member.userId()));
			known.add(time(member.userId()));
		}
		long gapMillis = Math.abs(median(known) - median(unknown)) / 1_000_000;
		assertThat(gapMillis).as("median latency gap in ms (known %d, unknown %d)", median(known) / 1_000_000,
				median(unknown) / 1_000_000).isLessThan(20);
	}

	private long time(String userId) throws Exception {
		MemberClient client = new MemberClient(mvc);
		long start = System.nanoTime();
		client.login(userId, "Wrong#pass1").andExpect(redirectedUrl("/login?error"));
		return System.nanoTime() - start;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private String hash(Registration member) {
		return jdbc.sql("select password_hash from member_account where user_id = ?")
			.param(member.userId())
			.query(String.class)
			.single();
	}

}
