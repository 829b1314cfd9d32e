package jp.kennin.staff.internal;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kennin.staff.StaffClient;

import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Logs a staff member in through the real two-step login (password, then authenticator
 * enrolment with a code computed from the secret shown on the page).
 */
public final class StaffTestLogin {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");

	private StaffTestLogin() {
	}

	/** A fully logged-in client; the account must not have enrolled yet. */
	public static StaffClient enrolAndLogin(MockMvc mvc, Clock clock, String loginId, String password)
			throws Exception {
		StaffClient client = passwordStep(mvc, loginId, password);
		String secret = secretShown(client);
		client.perform(post("/admin/login/enrol").with(csrf()).param("code", code(secret, clock)));
		return client;
	}

	public static StaffClient passwordStep(MockMvc mvc, String loginId, String password) throws Exception {
		StaffClient client = new StaffClient(mvc);
		client.perform(post("/admin/login").with(csrf()).param("loginId", loginId).param("password", password));
		return client;
	}

	public static String secretShown(StaffClient client) throws Exception {
		String page = client.perform(get("/admin/login/enrol")).andReturn().getResponse().getContentAsString();
		Matcher m = SECRET.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no secret on the enrolment page");
		}
		return m.group(1).replace(" ", "");
	}

	public static String code(String secret, Clock clock) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

}
