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
				where principal_name = ?""").params(thirtyOneMinutes, thirtyOneMinutes, member.userId()).update();
		client.get("/mypage").andExpect(status().is3xxRedirection());
	}

	@Test
	void an_unchanged_session_is_only_read_and_its_access_time_written_once_a_minute() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage").andExpect(status().isOk());
		long written = lastAccess(member);
		client.get("/mypage").andExpect(status().isOk());
		client.get("/home").andExpect(status().isOk());
		assertThat(lastAccess(member)).as("pages within a minute leave the row alone").isEqualTo(written);

		long twoMinutes = 2 * 60 * 1000L;
		jdbc.sql("""
				update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ?
				where principal_name = ?""").params(twoMinutes, twoMinutes, member.userId()).update();
		long before = System.currentTimeMillis();
		client.get("/mypage").andExpect(status().isOk());
		assertThat(lastAccess(member)).as("a page after a minute writes the access time")
			.isGreaterThanOrEqualTo(before);
		assertThat(jdbc.sql("select expiry_time - last_access_time from spring_session where principal_name = ?")
			.param(member.userId())
			.query(Long.class)
			.single()).isEqualTo(1800 * 1000L);
	}

	private long lastAccess(Registration member) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = ?")
			.param(member.userId())
			.query(Long.class)
			.single();
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
			.params("{argon2}"
					+ new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 19_456, 2)
						.encode(longPassword),
					member.userId())
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

	/**
	 * Refusing an unknown user ID costs a password hash too (Argon2id, tens of
	 * milliseconds), so response times do not tell which IDs exist. Skipping the hash
	 * would make an unknown ID several times faster than a known one; the check allows
	 * half that. It compares the two kinds pair by pair (each pair measured back to back,
	 * the order alternating so neither kind always runs second with warmer caches) and
	 * takes the median of the ratios: a load burst from other processes then spoils a few
	 * pairs, not the verdict.
	 */
	@Test
	void unknown_and_known_user_ids_take_the_same_time_to_refuse() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		String unknownId = "nobody-" + member.userId();
		for (int i = 0; i < 3; i++) {
			// Warm-up: the first hashes pay for class loading and the JIT.
			time(unknownId);
			time(member.userId());
		}
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < 31; i++) {
			long k;
			long u;
			if (i % 2 == 0) {
				u = time(unknownId);
				k = time(member.userId());
			}
			else {
				k = time(member.userId());
				u = time(unknownId);
			}
			known.add(k);
			unknown.add(u);
			ratios.add((double) k / u);
		}
		Collections.sort(ratios);
		double ratio = ratios.get(ratios.size() / 2);
		assertThat(ratio)
			.as("median of known/unknown latency ratios (median latencies: known %d ms, unknown %d ms)",
					median(known) / 1_000_000, median(unknown) / 1_000_000)
			.isBetween(0.67, 1.5);
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
