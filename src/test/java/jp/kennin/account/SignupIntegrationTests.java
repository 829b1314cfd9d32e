package jp.kennin.account;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;
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
class SignupIntegrationTests {

	static final String PASSWORD = "Sakura#2026kp";

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

	static String[] matchParams(Tenant tenant, RosterPerson p) {
		return new String[] { "tenantCode", tenant.code(), "kigo", p.kigo(), "bango", p.bango(), "birthYear", "1980",
				"birthMonth", "4", "birthDay", "1", "kanaName", "オムロ タロウ" };
	}

	/** Steps 1 and 2; returns the client holding the sign-up session. */
	MemberClient startSignup(Tenant tenant, RosterPerson person, String userId) throws Exception {
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", matchParams(tenant, person)).andExpect(redirectedUrl("/signup/account"));
		client.post("/signup/account", "userId", userId, "password", PASSWORD).andExpect(redirectedUrl("/signup/code"));
		return client;
	}

	@Test
	void sign_up_and_forgot_id_pages_say_where_kigo_and_bango_are_printed_now() throws Exception {
		MemberClient client = new MemberClient(mvc);
		for (String page : new String[] { "/signup", "/forgot-user-id" }) {
			client.get(page)
				.andExpect(content().string(containsString("記号・番号はどこに書いてありますか")))
				.andExpect(content().string(containsString("資格情報のお知らせ：")))
				.andExpect(content().string(containsString("資格確認書：表面の「記号」「番号」「枝番」の欄")))
				.andExpect(content().string(containsString("マイナポータル：ログインして「健康保険証」")))
				.andExpect(content().string(containsString("2024年12月2日以降は新しく発行されていません")))
				.andExpect(content().string(containsString("「枝番」は入力不要です")));
		}
	}

	@Test
	void a_member_signs_up_with_full_width_digits_and_half_width_kana() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = new MemberClient(mvc);
		client.get("/signup?code=" + tenant.code().toUpperCase())
			.andExpect(content().string(containsString("value=\"" + tenant.code() + "\"")))
			.andExpect(content().string(containsString("記入例：ケンポ タロウ")));
		String fullWidthBango = person.bango().replace("t", "ｔ").replaceAll("1", "１").replaceAll("2", "２");
		client
			.post("/signup", "tenantCode", tenant.code().toUpperCase(), "kigo", "０１", "bango", fullWidthBango,
					"birthYear", "１９８０", "birthMonth", "０４", "birthDay", "１", "kanaName", "ｵﾑﾛ　ﾀﾛｳ")
			.andExpect(redirectedUrl("/signup/account"));
		client.get("/signup/account")
			.andExpect(content().string(containsString("御室 太郎")))
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("autocomplete=\"new-password\"")))
			.andExpect(content().string(containsString("data-password-toggle=\"password\"")));
		String userId = AccountFixtures.uniqueUserId();
		client.post("/signup/account", "userId", userId, "password", PASSWORD).andExpect(redirectedUrl("/signup/code"));

		AccountFixtures.Mail mail = fixtures.lastMailTo(email);
		assertThat(mail.from()).isEqualTo(tenant.mailFromAddress());
		assertThat(mail.subject()).contains(tenant.name()).contains("認証コード");
		assertThat(mail.body()).contains("03-0000-0000").contains(tenant.name());
		String code = fixtures.lastCodeTo(email);
		assertThat(jdbc.sql("select code_hmac from member_email_code where email = ?")
			.param(email)
			.query(String.class)
			.single()).isNotEqualTo(code).hasSize(64);

		client.get("/signup/code")
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString(tenant.mailFromAddress())))
			.andExpect(content().string(containsString("迷惑メール")))
			.andExpect(content().string(containsString("autocomplete=\"one-time-code\"")))
			.andExpect(content().string(containsString("inputmode=\"numeric\"")));
		// Full-width digits with a space in the middle are accepted.
		String typed = code.substring(0, 3) + " " + toFullWidth(code.substring(3));
		client.post("/signup/code", "code", typed).andExpect(redirectedUrl("/signup/done"));
		client.get("/signup/done").andExpect(content().string(containsString("登録が完了しました")));

		new MemberClient(mvc).login(userId.toUpperCase(), PASSWORD).andExpect(redirectedUrl("/home"));
	}

	static String toFullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
		return out.toString();
	}

	@Test
	void a_mismatch_never_says_which_field_was_wrong() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		MemberClient client = new MemberClient(mvc);
		String wrongName = client
			.post("/signup", "tenantCode", tenant.code(), "kigo", "01", "bango", person.bango(), "birthYear", "1980",
					"birthMonth", "4", "birthDay", "1", "kanaName", "ケンポ タロウ")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String wrongBango = client
			.post("/signup", "tenantCode", tenant.code(), "kigo", "01", "bango", "nobody", "birthYear", "1980",
					"birthMonth", "4", "birthDay", "1", "kanaName", "オムロ タロウ")
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrongName).contains("一致する被保険者が見つかりませんでした");
		assertThat(errorSummary(wrongName)).isEqualTo(errorSummary(wrongBango));
		assertThat(wrongName).contains("value=\"ケンポ タロウ\"");
	}

	static String errorSummary(String page) {
		int start = page.indexOf("error-summary");
		return page.substring(start, page.indexOf("</div>", start));
	}

	@Test
	void five_failures_for_one_card_number_block_it_for_15_minutes() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		for (int i = 0; i < 5; i++) {
			// A different IP each time: the per-card limit must hold on its own.
			new MemberClient(mvc)
				.post("/signup", "tenantCode", tenant.code(), "kigo", "01", "bango", person.bango(), "birthYear",
						"1980", "birthMonth", "4", "birthDay", "2", "kanaName", "オムロ タロウ")
				.andExpect(content().string(containsString("一致する被保険者が見つかりませんでした")));
		}
		new MemberClient(mvc).post("/signup", matchParams(tenant, person))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("15分ほど時間をおいて")));
		clock.advance(Duration.ofMinutes(16));
		new MemberClient(mvc).post("/signup", matchParams(tenant, person)).andExpect(redirectedUrl("/signup/account"));
	}

	@Test
	void one_address_gets_20_failed_matches_an_hour() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		MemberClient client = new MemberClient(mvc);
		for (int i = 0; i < 20; i++) {
			client.post("/signup", "tenantCode", tenant.code(), "kigo", "01", "bango", "x" + i, "birthYear", "1980",
					"birthMonth", "4", "birthDay", "1", "kanaName", "オムロ タロウ");
		}
		client.post("/signup", matchParams(tenant, person)).andExpect(content().string(containsString("15分ほど時間をおいて")));
	}

	@Test
	void an_inactive_insured_person_cannot_sign_up() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, "g" + (System.nanoTime() % 100_000_000L),
				AccountFixtures.uniqueEmail(), false);
		new MemberClient(mvc).post("/signup", matchParams(tenant, person))
			.andExpect(content().string(containsString("一致する被保険者が見つかりませんでした")));
	}

	@Test
	void an_already_registered_member_is_sent_to_login_and_recovery() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		MemberClient client = startSignup(tenant, person, AccountFixtures.uniqueUserId());
		client.post("/signup/code", "code", fixtures.lastCodeTo(email)).andExpect(redirectedUrl("/signup/done"));
		new MemberClient(mvc).post("/signup", matchParams(tenant, person))
			.andExpect(redirectedUrl("/signup/registered"));
		new MemberClient(mvc).get("/signup/registered")
			.andExpect(content().string(containsString("href=\"/login\"")))
			.andExpect(content().string(containsString("href=\"/forgot-user-id\"")))
			.andExpect(content().string(containsString("href=\"/forgot-password\"")));
	}

	@Test
	void back_from_step_two_keeps_what_was_matched() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, AccountFixtures.uniqueEmail());
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", matchParams(tenant, person)).andExpect(redirectedUrl("/signup/account"));
		client.get("/signup/account").andExpect(content().string(containsString("href=\"/signup\"")));
		client.get("/signup")
			.andExpect(content().string(containsString("value=\"" + person.bango() + "\"")))
			.andExpect(content().string(containsString("value=\"1980\"")))
			.andExpect(content().string(containsString(tenant.name())));
		new MemberClient(mvc).get("/signup").andExpect(content().string(not(containsString("value=\"1980\""))));
	}

	@Test
	void step_two_and_three_need_step_one() throws Exception {
		MemberClient client = new MemberClient(mvc);
		client.get("/signup/account").andExpect(redirectedUrl("/signup"));
		client.get("/signup/code").andExpect(redirectedUrl("/signup"));
	}

	@Test
	void fields_left_empty_get_their_own_messages_and_typed_values_stay() throws Exception {
		new MemberClient(mvc)
			.post("/signup", "tenantCode", "", "kigo", "01", "bango", "", "birthYear", "1980", "birthMonth", "2",
					"birthDay", "30", "kanaName", "omuro")
			.andExpect(content().string(containsString("保険者指定コードを入力してください。")))
			.andExpect(content().string(containsString("番号を入力してください。")))
			.andExpect(content().string(containsString("実在する日付")))
			.andExpect(content().string(containsString("カタカナで入力してください")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"omuro\"")))
			.andExpect(content().string(not(containsString("一致する被保険者"))));
	}

	@Test
	void the_user_id_is_unique_across_tenants_ignoring_case() throws Exception {
		String userId = AccountFixtures.uniqueUserId();
		Tenant first = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		MemberClient done = startSignup(first, fixtures.insured(first, email), userId);
		done.post("/signup/code", "code", fixtures.lastCodeTo(email));

		Tenant second = fixtures.tenant();
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", matchParams(second, fixtures.insured(second, AccountFixtures.uniqueEmail())));
		client.post("/signup/account", "userId", userId.toUpperCase(), "password", PASSWORD)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("このユーザーIDはすでに使われています")))
			.andExpect(content().string(containsString("value=\"" + userId.toUpperCase() + "\"")))
			.andExpect(content().string(not(containsString(PASSWORD))));
	}

	@Test
	void a_person_without_email_on_the_roster_types_it_twice() throws Exception {
		Tenant tenant = fixtures.tenant();
		RosterPerson person = fixtures.insured(tenant, null);
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", matchParams(tenant, person));
		client.get("/signup/account").andExpect(content().string(containsString("emailConfirm")));
		String email = AccountFixtures.uniqueEmail();
		client
			.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD, "email", email,
					"emailConfirm", "other@example.jp")
			.andExpect(content().string(containsString("確認用のメールアドレスが一致しません")));
		client
			.post("/signup/account", "userId", AccountFixtures.uniqueUserId(), "password", PASSWORD, "email",
					"ｍｅ" + email, "emailConfirm", "me" + email)
			.andExpect(redirectedUrl("/signup/code"));
		assertThat(fixtures.lastCodeTo("me" + email)).hasSize(6);
	}

	@Test
	void a_member_who_typed_the_address_corrects_it_on_the_code_page() throws Exception {
		Tenant tenant = fixtures.tenant();
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", matchParams(tenant, fixtures.insured(tenant, null)));
		String typo = "typo" + AccountFixtures.uniqueEmail();
		String userId = AccountFixtures.uniqueUserId();
		client.post("/signup/account", "userId", userId, "password", PASSWORD, "email", typo, "emailConfirm", typo)
			.andExpect(redirectedUrl("/signup/code"));
		String oldCode = fixtures.lastCodeTo(typo);
		client.get("/signup/code")
			.andExpect(content().string(containsString("メールアドレスを訂正する")))
			.andExpect(content().string(containsString("href=\"/signup/code/email\"")));
		client.get("/signup/code/email").andExpect(content().string(containsString(typo)));

		String right = AccountFixtures.uniqueEmail();
		// The resend cooldown applies: nothing changes within it.
		client.post("/signup/code/email", "email", right, "emailConfirm", right)
			.andExpect(redirectedUrl("/signup/code"));
		client.get("/signup/code")
			.andExpect(content().string(containsString("秒")))
			.andExpect(content().string(containsString(typo)));
		assertThat(fixtures.mailsTo(right)).isEmpty();

		clock.advance(Duration.ofSeconds(61));
		client.post("/signup/code/email", "email", right, "emailConfirm", "x" + right)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("確認用のメールアドレスが一致しません")));
		client.post("/signup/code/email", "email", right, "emailConfirm", right)
			.andExpect(redirectedUrl("/signup/code"));
		client.get("/signup/code")
			.andExpect(content().string(containsString("メールアドレスを訂正し、新しい認証コードを送信しました")))
			.andExpect(content().string(containsString(right)))
			.andExpect(content().string(not(containsString(typo))));
		String newCode = fixtures.lastCodeTo(right);
		if (!oldCode.equals(newCode)) {
			client.post("/signup/code", "code", oldCode).andExpect(status().isOk());
		}
		client.post("/signup/code", "code", newCode).andExpect(redirectedUrl("/signup/done"));
		assertThat(jdbc.sql("select email from member_account where user_id = ?")
			.param(userId)
			.query(String.class)
			.single()).isEqualTo(right);
	}

	@Test
	void an_address_from_the_roster_cannot_be_corrected_on_the_code_page() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		MemberClient client = startSignup(tenant, fixtures.insured(tenant, email), AccountFixtures.uniqueUserId());
		client.get("/signup/code").andExpect(content().string(not(containsString("メールアドレスを訂正する"))));
		clock.advance(Duration.ofSeconds(61));
		String other = AccountFixtures.uniqueEmail();
		client.post("/signup/code/email", "email", other, "emailConfirm", other)
			.andExpect(redirectedUrl("/signup/code"));
		assertThat(fixtures.mailsTo(other)).isEmpty();
		client.get("/signup/code").andExpect(content().string(containsString(email)));
	}

	@Test
	void a_pending_sign_up_expires_after_24_hours() throws Exception {
		Tenant tenant = fixtures.tenant();
		String email = AccountFixtures.uniqueEmail();
		String userId = AccountFixtures.uniqueUserId();
		MemberClient client = startSignup(tenant, fixtures.insured(tenant, email), userId);
		new MemberClient(mvc).login(userId, PASSWORD).andExpect(redirectedUrl("/login?error"));
		clock.advance(Duration.ofHours(24).plusMinutes(1));
		client.get("/signup/code").andExpect(redirectedUrl("/signup"));
		// The user ID is free again for someone else.
		Tenant other = fixtures.tenant();
		MemberClient second = new MemberClient(mvc);
		second.post("/signup", matchParams(other, fixtures.insured(other, AccountFixtures.uniqueEmail())));
		second.post("/signup/account", "userId", userId, "password", PASSWORD).andExpect(redirectedUrl("/signup/code"));
	}

}
