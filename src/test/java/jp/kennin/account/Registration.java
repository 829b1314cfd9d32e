package jp.kennin.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.roster.RosterPerson;
import jp.kennin.tenant.Tenant;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A member signed up through the pages, ready to log in.
 */
public record Registration(Tenant tenant, RosterPerson person, String userId, String email, String password) {

	public static final String PASSWORD = SignupIntegrationTests.PASSWORD;

	public static Registration register(MockMvc mvc, AccountFixtures fixtures) throws Exception {
		return register(mvc, fixtures, fixtures.tenant());
	}

	public static Registration register(MockMvc mvc, AccountFixtures fixtures, Tenant tenant) throws Exception {
		String email = AccountFixtures.uniqueEmail();
		RosterPerson person = fixtures.insured(tenant, email);
		String userId = AccountFixtures.uniqueUserId();
		MemberClient client = new MemberClient(mvc);
		client.post("/signup", SignupIntegrationTests.matchParams(tenant, person))
			.andExpect(redirectedUrl("/signup/account"));
		client.post("/signup/account", "userId", userId, "password", PASSWORD).andExpect(redirectedUrl("/signup/code"));
		client.post("/signup/code", "code", fixtures.lastCodeTo(email)).andExpect(redirectedUrl("/signup/done"));
		return new Registration(tenant, person, userId, email, PASSWORD);
	}

	/**
	 * Logs in and accepts the terms; the client then holds a member session on the home
	 * page.
	 */
	public MemberClient loggedIn(MockMvc mvc) throws Exception {
		MemberClient client = new MemberClient(mvc);
		client.login(userId, password).andExpect(redirectedUrl("/home"));
		acceptTerms(client);
		return client;
	}

	/** Accepts the current terms from the consent page. */
	public static void acceptTerms(MemberClient client) throws Exception {
		String page = client.get("/terms/consent").andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		if (!m.find()) {
			throw new AssertionError("no terms version on the consent page");
		}
		client.post("/terms/consent", "agree", "true", "version", m.group(1));
	}

}
