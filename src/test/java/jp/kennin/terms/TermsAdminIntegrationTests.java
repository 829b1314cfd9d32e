package jp.kennin.terms;

import org.junit.jupiter.api.Test;

import jp.kennin.account.AccountFixtures;
import jp.kennin.account.MemberClient;
import jp.kennin.account.Registration;
import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.test.HtmlForm;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operators publish terms versions on {@code /admin/terms}; members then consent again at
 * their next login.
 */
@KenninIntegrationTest
class TermsAdminIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TermsOfUse terms;

	@Autowired
	AccountFixtures fixtures;

	@Autowired
	AuditLog audit;

	@Test
	void operators_see_every_version_and_the_form_starts_from_the_current_text() throws Exception {
		TermsVersion current = terms.current();
		String list = page("/admin/terms");
		assertThat(list).contains(current.title())
			.contains("第" + current.version() + "版")
			.contains("現在の版")
			.contains("第1版");
		assertThat(page("/admin/terms/1")).contains("第1条（適用）");
		assertThat(page("/admin/terms/new")).contains(current.body().substring(0, 20));
		mvc.perform(get("/admin/terms/99999").with(TestStaff.operator())).andExpect(status().isNotFound());
		mvc.perform(get("/admin/terms").with(TestStaff.tenantAdmin(1))).andExpect(status().isForbidden());
	}

	@Test
	void an_incomplete_version_is_not_published_and_what_was_typed_is_kept() throws Exception {
		int before = terms.current().version();
		String answer = mvc
			.perform(post("/admin/terms/new").with(TestStaff.operator())
				.with(csrf())
				.param("title", " ")
				.param("body", "第1条　未完成の本文"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).contains("表題を入力してください")
			.contains("確認のチェックを入れてください")
			.contains("第1条　未完成の本文")
			.contains("aria-invalid=\"true\"");
		assertThat(terms.current().version()).isEqualTo(before);
	}

	@Test
	void a_nul_in_the_title_or_body_is_refused_next_to_the_field_and_the_rest_is_kept() throws Exception {
		// PostgreSQL cannot store U+0000: without the field check the publication ended
		// in the 400 net page.
		int before = terms.current().version();
		String answer = mvc
			.perform(post("/admin/terms/new").with(TestStaff.operator())
				.with(csrf())
				.param("title", "Kennin 利用規約\u0000（改定）")
				.param("body", "第1条　本文\u0000の続き\n第2条　二行目")
				.param("confirm", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		HtmlForm page = HtmlForm.of(answer);
		assertThat(page.error("title")).contains("表題に改行や制御文字は使えません");
		assertThat(page.error("body")).contains("本文に使えない制御文字が含まれています");
		assertThat(page.marked("body")).isTrue();
		assertThat(page.error("confirm")).isNull();
		assertThat(page.value("body")).contains("第2条　二行目");
		assertThat(page.value("title")).startsWith("Kennin 利用規約");
		assertThat(terms.current().version()).as("nothing published").isEqualTo(before);
	}

	@Test
	void a_version_published_on_the_page_makes_a_member_consent_again_at_the_next_login() throws Exception {
		Registration member = Registration.register(mvc, fixtures);
		member.loggedIn(mvc).get("/mypage").andExpect(status().isOk());

		String title = "Kennin 利用規約（画面から改定 " + System.nanoTime() + "）";
		mvc.perform(post("/admin/terms/new").with(TestStaff.operator())
			.with(csrf())
			.param("title", title)
			.param("body", terms.current().body() + "\n\n附則　画面からの改定")
			.param("confirm", "true"))
			.andExpect(redirectedUrl("/admin/terms"))
			.andExpect(flash().attribute("published", terms.current().version()));
		TermsVersion published = terms.current();
		assertThat(published.title()).isEqualTo(title);
		assertThat(page("/admin/terms")).contains(title);
		AuditEntry event = audit
			.search(new AuditLog.Query(null, null, null, null, "terms_version:" + published.version(), 5))
			.get(0);
		assertThat(event.type()).isEqualTo("TERMS_PUBLISHED");
		assertThat(event.actorRole()).isEqualTo("OPERATOR");

		MemberClient next = new MemberClient(mvc);
		next.login(member.userId(), member.password());
		next.get("/home").andExpect(redirectedUrl("/terms/consent"));
		String consent = next.get("/terms/consent").andReturn().getResponse().getContentAsString();
		assertThat(consent).contains(title).contains("附則　画面からの改定");
		Registration.acceptTerms(next);
		next.get("/home").andExpect(status().isOk());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(TestStaff.operator()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
