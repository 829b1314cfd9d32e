package jp.kennin.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.kennin.roster.RelationshipCategory;
import jp.kennin.roster.Roster;
import jp.kennin.roster.RosterCsv;
import jp.kennin.roster.RosterPerson;
import jp.kennin.roster.RosterPerson.Gender;
import jp.kennin.staff.internal.StaffTestLogin;
import jp.kennin.survey.CampaignDraft;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.TargetRules;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A staff session lives only as long as the account it was opened for stays as it was: an
 * admin's change ends it at once (and the API tokens it made), a change seen only in the
 * database ends it at its next request, and idle and absolute time limits end it too. The
 * clock is the application's, moved by the test.
 */
@KenninIntegrationTest
class StaffSessionIntegrationTests {

	static final String PASSWORD = "Session-password-2026!";

	static final String NEW_PASSWORD = "Changed-password-2026!";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">(kennin_[A-Za-z0-9_-]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	Tenant tenant;

	long personId;

	long campaignId;

	StaffClient admin;

	@BeforeEach
	void setUp() throws Exception {
		clock.setInstant(Instant.parse("2026-06-01T00:00:00Z"));
		tenant = TestTenants.create(tenants, "セッション健保");
		String bango = "s" + SEQ.incrementAndGet();
		roster.upsert(tenant.id(), List.of(
				new RosterPerson(0, 0, "7", bango, "00", true, "本人", RelationshipCategory.SELF, "期間 太郎", "キカン タロウ",
						LocalDate.of(1970, 1, 1), Gender.MALE, "k@example.jp", "100", "本社", null, null, true),
				new RosterPerson(0, 0, "7", bango, "01", false, "妻", RelationshipCategory.SPOUSE, "期間 花子", "キカン ハナコ",
						LocalDate.of(1972, 1, 1), Gender.FEMALE, null, "100", "本社", true, null, true)));
		personId = roster.findInsured(tenant.id(), "7", bango).orElseThrow().id();
		campaignId = campaigns.create(tenant.id(),
				new CampaignDraft("2026年度 調査", LocalDate.of(2026, 7, 1), Instant.parse("2026-07-28T00:00:00Z"),
						Instant.parse("2026-09-17T14:59:00Z"), false, "期限までに",
						new TargetRules(null, null, null, EnumSet.of(RelationshipCategory.SPOUSE), null)));
		campaigns.open(tenant.id(), campaignId);
		String adminId = "sadm-" + tenant.code();
		accounts.create(adminId, "管理 一郎", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		admin = StaffTestLogin.enrolAndLogin(mvc, clock, adminId, PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@ParameterizedTest
	@ValueSource(strings = { "disable", "reset", "role", "remove" })
	void an_admins_change_ends_the_accounts_live_session_and_its_api_tokens_at_once(String action) throws Exception {
		String loginId = "sa" + action + "-" + tenant.code();
		long id = accounts.create(loginId, "対象 二郎", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		StaffClient a = StaffTestLogin.enrolAndLogin(mvc, clock, loginId, PASSWORD);
		a.perform(get("/admin/roster/people/" + personId)).andExpect(status().isOk());
		String token = createToken(a);
		importWith(token).andExpect(status().isOk());
		assertThat(sessionsOf(id)).as("the staff session is indexed under its account").isEqualTo(1);

		admin.perform(post("/admin/staff/" + id + "/" + action).with(csrf()).param("role", "REVIEWER"))
			.andExpect(status().is3xxRedirection());

		// The session rows are gone (not merely refused by the version check, which would
		// say ?changed).
		a.perform(get("/admin")).andExpect(redirectedUrl("/admin/login"));
		for (AbstractMockHttpServletRequestBuilder<?> request : List.of(get("/admin/roster/people/" + personId),
				get("/admin/campaigns/" + campaignId + "/forms.csv"), get("/admin/audit/export"),
				post("/admin/roster/tokens").with(csrf()).param("name", "後から"), get("/admin"))) {
			String sentTo = a.perform(request).andReturn().getResponse().getRedirectedUrl();
			assertThat(sentTo).as(request.toString()).isNotNull().contains("/admin/login");
		}
		importWith(token).andExpect(status().isUnauthorized());
		assertThat(sessionsOf(id)).isZero();
		assertThat(auditTypes("staff:" + id)).contains(switch (action) {
			case "disable" -> "STAFF_DISABLED";
			case "reset" -> "STAFF_CREDENTIALS_RESET";
			case "role" -> "STAFF_ROLE_CHANGED";
			default -> "STAFF_REMOVED";
		});
		assertThat(
				jdbc.sql("select count(*) from audit_event where type = 'ROSTER_API_TOKEN_REVOKED' and details like ?")
					.param("%" + loginId + "%")
					.query(Integer.class)
					.single())
			.isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "account_version = account_version + 1", "enabled = false", "role = 'REVIEWER'" })
	void a_session_whose_account_changed_in_the_database_is_refused_at_its_next_request(String change)
			throws Exception {
		String loginId = "sdb" + SEQ.incrementAndGet() + "-" + tenant.code();
		long id = accounts.create(loginId, "別ノード 三郎", StaffRole.TENANT_ADMIN, tenant.id(), PASSWORD);
		StaffClient a = StaffTestLogin.enrolAndLogin(mvc, clock, loginId, PASSWORD);
		a.perform(get("/admin/roster/people/" + personId)).andExpect(status().isOk());
		// As if another node changed the account and failed to delete the session rows.
		jdbc.sql("update staff_account set " + change + " where id = ?").param(id).update();

		a.perform(get("/admin/roster/people/" + personId)).andExpect(redirectedUrl("/admin/login?changed"));
		a.perform(get("/admin/login?changed"))
			.andExpect(content().string(containsString("アカウントの状態が変更されたため、ログアウトしました。")));
		a.perform(get("/admin")).andExpect(status().is3xxRedirection());
		assertThat(auditTypes("staff:" + id)).contains("STAFF_SESSION_ENDED");
	}

	@Test
	void thirty_minutes_without_a_staff_request_end_the_session() throws Exception {
		StaffClient a = loggedIn("sidle");
		clock.advance(Duration.ofMinutes(29));
		a.perform(get("/admin")).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(29));
		a.perform(get("/admin")).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(31));
		a.perform(get("/admin/roster/people/" + personId)).andExpect(redirectedUrl("/admin/login?idle"));
		a.perform(get("/admin/login?idle")).andExpect(content().string(containsString("30分以上操作がなかったため、ログアウトしました。")));
		a.perform(get("/admin")).andExpect(status().is3xxRedirection());
	}

	@Test
	void ten_hours_after_the_login_the_session_ends_however_active() throws Exception {
		StaffClient a = loggedIn("sabs");
		for (int i = 0; i < 23; i++) {
			clock.advance(Duration.ofMinutes(25));
			a.perform(get("/admin")).andExpect(status().isOk());
		}
		clock.advance(Duration.ofMinutes(20)); // 9 h 55 min
		a.perform(get("/admin")).andExpect(status().isOk());
		clock.advance(Duration.ofMinutes(10));
		a.perform(get("/admin")).andExpect(redirectedUrl("/admin/login?expired"));
		a.perform(get("/admin/login?expired"))
			.andExpect(content().string(containsString("ログインから10時間が経過したため、ログアウトしました。")));
		a.perform(get("/admin")).andExpect(status().is3xxRedirection());
	}

	@Test
	void wrong_current_passwords_count_towards_the_login_lock_and_the_tenth_ends_the_session() throws Exception {
		String loginId = "spw" + SEQ.incrementAndGet() + "-" + tenant.code();
		accounts.create(loginId, "暗証 四郎", StaffRole.REVIEWER, tenant.id(), PASSWORD);
		StaffClient a = StaffTestLogin.enrolAndLogin(mvc, clock, loginId, PASSWORD);
		for (int i = 1; i <= 5; i++) {
			changePassword(a, "wrong-" + i).andExpect(status().isOk())
				.andExpect(content().string(containsString("現在のパスワードが正しくありません")));
		}
		// From the fifth failure on, an immediate retry is refused unchecked, as at the
		// login.
		changePassword(a, PASSWORD).andExpect(status().isOk())
			.andExpect(content().string(containsString("パスワードの誤りが続いたため、しばらく受け付けません。")));
		for (int i = 6; i <= 9; i++) {
			clock.advance(Duration.ofSeconds(20));
			changePassword(a, "wrong-" + i).andExpect(status().isOk())
				.andExpect(content().string(containsString("現在のパスワードが正しくありません")));
		}
		clock.advance(Duration.ofSeconds(20));
		changePassword(a, "wrong-10").andExpect(redirectedUrl("/admin/login?locked"));
		a.perform(get("/admin/login?locked")).andExpect(content().string(containsString("アカウントを一時的にロックし、ログアウトしました。")));
		a.perform(get("/admin")).andExpect(status().is3xxRedirection());

		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login?error"));
		clock.advance(Duration.ofMinutes(15));
		mvc.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", PASSWORD))
			.andExpect(redirectedUrl("/admin/login/totp"));
		assertThat(
				jdbc.sql("select count(*) from audit_event where type = 'STAFF_PASSWORD_CHECK_FAILED' and actor_id = ?")
					.param(loginId)
					.query(Integer.class)
					.single())
			.isEqualTo(10);
	}

	@Test
	void changing_the_own_password_keeps_this_session_and_ends_the_others() throws Exception {
		String loginId = "sown" + SEQ.incrementAndGet() + "-" + tenant.code();
		accounts.create(loginId, "本人 五郎", StaffRole.REVIEWER, tenant.id(), PASSWORD);
		StaffClient first = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		String secret = StaffTestLogin.secretShown(first);
		first.perform(post("/admin/login/enrol").with(csrf()).param("code", StaffTestLogin.code(secret, clock)));
		clock.advance(Duration.ofMinutes(1));
		StaffClient second = StaffTestLogin.passwordStep(mvc, loginId, PASSWORD);
		second.perform(post("/admin/login/totp").with(csrf()).param("code", StaffTestLogin.code(secret, clock)))
			.andExpect(redirectedUrl("/admin"));

		first
			.perform(post("/admin/account/password").with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", NEW_PASSWORD))
			.andExpect(redirectedUrl("/admin/account/password"));
		first.perform(get("/admin")).andExpect(status().isOk());
		second.perform(get("/admin")).andExpect(status().is3xxRedirection());
	}

	private StaffClient loggedIn(String prefix) throws Exception {
		String loginId = prefix + SEQ.incrementAndGet() + "-" + tenant.code();
		accounts.create(loginId, "時間 六郎", StaffRole.REVIEWER, tenant.id(), PASSWORD);
		StaffClient client = StaffTestLogin.enrolAndLogin(mvc, clock, loginId, PASSWORD);
		client.perform(get("/admin")).andExpect(status().isOk());
		return client;
	}

	private ResultActions changePassword(StaffClient client, String current) throws Exception {
		return client.perform(post("/admin/account/password").with(csrf())
			.param("currentPassword", current)
			.param("newPassword", NEW_PASSWORD));
	}

	private String createToken(StaffClient client) throws Exception {
		client.perform(post("/admin/roster/tokens").with(csrf()).param("name", "基幹システム"))
			.andExpect(redirectedUrl("/admin/roster/tokens"));
		String page = client.perform(get("/admin/roster/tokens")).andReturn().getResponse().getContentAsString();
		Matcher m = NEW_TOKEN.matcher(page);
		assertThat(m.find()).as("token shown once").isTrue();
		return m.group(1);
	}

	private ResultActions importWith(String token) throws Exception {
		return mvc.perform(post("/api/v1/roster/imports?mode=delta").header("Authorization", "Bearer " + token)
			.contentType("text/csv")
			.content(RosterCsv.create()
				.insured("8", "api" + SEQ.incrementAndGet(), "取込 七郎", "トリコミ シチロウ", "1980/01/01")
				.utf8()));
	}

	private int sessionsOf(long staffId) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param("staff:" + staffId)
			.query(Integer.class)
			.single();
	}

	private List<String> auditTypes(String target) {
		return jdbc.sql("select type from audit_event where target = ?").param(target).query(String.class).list();
	}

}
