package jp.kennin.terms;

import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.test.KenninIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@KenninIntegrationTest
class TermsOfUseIntegrationTests {

	@Autowired
	TermsOfUse terms;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void a_seeded_version_is_current_and_public() throws Exception {
		TermsVersion current = terms.current();
		assertThat(current.version()).isPositive();
		assertThat(terms.find(1)).get().extracting(TermsVersion::body).asString().contains("第1条（適用）");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/terms"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(current.title())));
	}

	@Test
	void publishing_a_version_asks_every_member_to_consent_again() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		MemberClient client = member.loggedIn(mvc);
		client.get("/mypage").andExpect(status().isOk());

		TermsVersion previous = terms.current();
		TermsVersion published = terms.publish("Kennin 利用規約（改定）", previous.body() + "\n\n附則　改定テスト", "operator-1");
		assertThat(published.version()).isEqualTo(previous.version() + 1);
		assertThat(terms.current()).isEqualTo(published);

		client.get("/mypage").andExpect(redirectedUrl("/terms/consent"));
		client.get("/terms/consent").andExpect(content().string(containsString("利用規約が改定されました")));
		Registration.acceptTerms(client);
		client.get("/mypage").andExpect(status().isOk());
	}

	@Test
	void an_empty_version_is_refused() {
		assertThatThrownBy(() -> terms.publish(" ", "本文", "operator-1")).isInstanceOf(IllegalArgumentException.class);
	}

}
