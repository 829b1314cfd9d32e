package jp.kennin.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class StaffLoginIntegrationTests {

	static final String PASSWORD = "Staff-password-2026!";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	JdbcClient jdbc;

	String loginId;

	@BeforeEach
	void setUp() {
		clock.setInstant(Instant.parse("2026-04-01T01:00:00Z"));
		Tenant tenant = TestTenants.create(tenants, "ログイン健保");
		loginId = "admin-" + tenant.code();
		accounts.create(loginId, "管理 花子", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void first_login_enrols_an_authenticator_with_a_valid_code_and_shows_recovery_codes_once() throws Exception {
		StaffClient session = new StaffClient(mvc);
		session.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login/enrol"));
		// The password alone does not open the staff pages.
		session.perform(get("/admin")).andExpect(redirectedUrl("/admin/login/totp"));
		session.perform(get("/admin/login/enrol"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("src=\"data:image/png;base64,")));
		String secret = StaffTestLogin.secretShown(session);

		session.perform(post("/admin/login/enrol").with(csrf()).param("code", "000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("確認コードが正しくありません。")));
		session.perform(get("/admin")).andExpect(redirectedUrl("/admin/login/totp"));

		String sessionBefore = session.sessionId();
		session.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)))
			.andExpect(redirectedUrl("/admin/login/recovery-codes"));
		String page = session.perform(get("/admin/login/recovery-codes"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = recoveryCodes(page);
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		session.perform(get("/admin/login/recovery-codes")).andExpect(redirectedUrl("/admin"));
		session.perform(get("/admin"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("管理 花子さん")));
		assertThat(session.sessionId()).isNotEqualTo(sessionBefore);

		String stored = jdbc.sql("select totp_secret from staff_account where login_id = ?")
			.param(loginId)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		List<String> hashes = jdbc.sql(
				"select code_hash from staff_recovery_code r join staff_account a on a.id = r.staff_id where a.login_id = ?")
			.param(loginId)
			.query(String.class)
			.list();
		assertThat(hashes).hasSize(10).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
	}

	@Test
	void later_logins_need_the_current_code_which_cannot_be_replayed() throws Exception {
		StaffClient first = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		String secret = StaffTestLogin.secretShown(first);
		first.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)));

		clock.advance(Duration.ofMinutes(2));
		StaffClient second = new StaffClient(mvc);
		second.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login/totp"));
		String code = StaffTestLogin.code(secret, clock);
		second.perform(post("/admin/login/totp").with(csrf()).param("code", code)).andExpect(redirectedUrl("/admin"));
		second.perform(get("/admin")).andExpect(status().isOk());

		StaffClient third = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		third.perform(post("/admin/login/totp").with(csrf()).param("code", code))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("確認コードが正しくありません。")));
		third.perform(get("/admin")).andExpect(redirectedUrl("/admin/login/totp"));
	}

	@Test
	void a_recovery_code_works_once_instead_of_the_code() throws Exception {
		StaffClient first = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		String secret = StaffTestLogin.secretShown(first);
		first.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)));
		String page = first.perform(get("/admin/login/recovery-codes")).andReturn().getResponse().getContentAsString();
		String recovery = recoveryCodes(page).get(3);

		StaffClient second = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		second.perform(post("/admin/login/totp").with(csrf()).param("code", recovery.toUpperCase()))
			.andExpect(redirectedUrl("/admin"));
		StaffClient third = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		third.perform(post("/admin/login/totp").with(csrf()).param("code", recovery)).andExpect(status().isOk());
		third.perform(get("/admin")).andExpect(redirectedUrl("/admin/login/totp"));
	}

	@Test
	void ten_failures_lock_the_account_for_fifteen_minutes_with_the_same_message() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", "wrong-" + i))
				.andExpect(redirectedUrl("/admin/login?error"));
			clock.advance(Duration.ofMinutes(1));
		}
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", "nobody-" + loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login/enrol"));
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'STAFF_LOGIN_FAILED' and actor_id = ?")
			.param(loginId)
			.query(Integer.class)
			.single()).isEqualTo(11);
		// The failures are found under the account they were aimed at, as anonymous
		// attempts;
		// the unknown ID is not written down (people type passwords into it).
		assertThat(jdbc
			.sql("select count(*) from audit_event where type = 'STAFF_LOGIN_FAILED' and actor_id = ?"
					+ " and actor_kind = 'ANONYMOUS' and target like 'staff:%'")
			.param(loginId)
			.query(Integer.class)
			.single()).isEqualTo(11);
		assertThat(jdbc.sql("select count(*) from audit_event where actor_id = ?")
			.param("nobody-" + loginId)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void from_the_fifth_failure_an_immediate_retry_is_refused_even_with_the_right_password() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", "wrong-" + i));
		}
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
		clock.advance(Duration.ofSeconds(2));
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login/enrol"));
	}

	@Test
	void wrong_codes_count_towards_the_lock_and_end_the_half_login() throws Exception {
		StaffClient first = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		String secret = StaffTestLogin.secretShown(first);
		first.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)));
		for (int i = 0; i < 10; i++) {
			clock.advance(Duration.ofMinutes(1));
			StaffClient s = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
			s.perform(post("/admin/login/totp").with(csrf()).param("code", "99999" + (i % 10)));
		}
		clock.advance(Duration.ofMinutes(1));
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
	}

	@Test
	void a_half_login_expires_after_five_minutes() throws Exception {
		StaffClient session = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		String secret = StaffTestLogin.secretShown(session);
		clock.advance(Duration.ofMinutes(6));
		session.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)))
			.andExpect(redirectedUrl("/admin/login?error"));
	}

	private static List<String> recoveryCodes(String page) {
		Matcher m = Pattern.compile("<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{2})</code>").matcher(page);
		List<String> codes = new ArrayList<>();
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

}
