package jp.kennin.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditLog;
import jp.kennin.tenant.Tenant;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.TestStaff;
import jp.kennin.test.TestTenants;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /admin/review-settings as an insurer admin uses it: saving, the messages next to wrong
 * fields with the rest kept, and the refusal for reviewers.
 */
@KenninIntegrationTest
class ReviewSettingsPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Reviews reviews;

	@Autowired
	AuditLog audit;

	@Test
	void an_admin_sees_the_defaults_and_saves_new_settings() throws Exception {
		Tenant t = TestTenants.create(tenants, "設定健保");
		mvc.perform(get("/admin/review-settings").with(TestStaff.tenantAdmin(t.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("審査の設定")))
			.andExpect(content().string(containsString("マイナンバーが見えている")));
		mvc.perform(save(t, "fourEyes", "false", "reasonTemplates", "書類が不鮮明\n\n  印鑑がない  \n期間が不足", "correctionDays",
				"14", "bulkSamplePercent", "10", "blindIncome", "true", "incomeToleranceYen", "5,000"))
			.andExpect(redirectedUrl("/admin/review-settings?saved"));
		Reviews.ReviewSettings saved = reviews.settings(t.id());
		assertThat(saved)
			.isEqualTo(new Reviews.ReviewSettings(false, 14, List.of("書類が不鮮明", "印鑑がない", "期間が不足"), 10, true, 5000));
		assertThat(audit.search(new AuditLog.Query(t.id(), null, null, null, "review_settings", 10)))
			.extracting(e -> e.type())
			.containsExactly("REVIEW_SETTINGS_CHANGED");
		mvc.perform(get("/admin/review-settings?saved").with(TestStaff.tenantAdmin(t.id())))
			.andExpect(content().string(containsString("審査の設定を保存しました。")))
			.andExpect(content().string(containsString("印鑑がない")));
	}

	@Test
	void reviewers_and_operators_get_the_403_page_and_nothing_changes() throws Exception {
		Tenant t = TestTenants.create(tenants, "設定健保");
		mvc.perform(get("/admin/review-settings").with(TestStaff.reviewer(t.id()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/review-settings").with(TestStaff.reviewer(t.id()))
			.with(csrf())
			.param("correctionDays", "30")
			.param("bulkSamplePercent", "5")
			.param("incomeToleranceYen", "0")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/review-settings").with(TestStaff.operator())).andExpect(status().isForbidden());
		assertThat(reviews.settings(t.id())).isEqualTo(Reviews.ReviewSettings.DEFAULT);
	}

	@Test
	void wrong_values_come_back_with_messages_next_to_the_fields_and_the_rest_kept() throws Exception {
		Tenant t = TestTenants.create(tenants, "設定健保");
		mvc.perform(save(t, "correctionDays", "61", "bulkSamplePercent", "101", "incomeToleranceYen", "-1",
				"reasonTemplates", "書類が不鮮明\n独自の理由"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("修正期限の日数は1から60までの数字で入力してください。")))
			.andExpect(content().string(containsString("割合は0から100までの数字で入力してください。")))
			.andExpect(content().string(containsString("許容差は0以上の金額（円、数字）で入力してください。")))
			.andExpect(content().string(containsString("独自の理由")))
			.andExpect(content().string(containsString("id=\"correctionDays-error\"")));
		mvc.perform(save(t, "correctionDays", "abc"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("修正期限の日数は1から60までの数字で入力してください。")));
		mvc.perform(save(t, "reasonTemplates", "期間が不足\n期間が不足"))
			.andExpect(content().string(containsString("同じ不備の理由が2回以上入力されています。")));
		mvc.perform(save(t, "reasonTemplates", "あ".repeat(41)))
			.andExpect(content().string(containsString("不備の理由は1つあたり40文字以内で入力してください。")));
		String many = IntStream.rangeClosed(1, 31).mapToObj(i -> "理由" + i).collect(Collectors.joining("\n"));
		mvc.perform(save(t, "reasonTemplates", many))
			.andExpect(content().string(containsString("不備の理由は30個までにしてください。")));
		mvc.perform(save(t, "correctionDays", "0"))
			.andExpect(content().string(not(containsString("割合は0から100"))))
			.andExpect(content().string(containsString("修正期限の日数は1から60")));
		assertThat(reviews.settings(t.id())).isEqualTo(Reviews.ReviewSettings.DEFAULT);
	}

	@Test
	void a_nul_in_the_templates_is_refused_without_a_server_error() throws Exception {
		Tenant t = TestTenants.create(tenants, "設定健保");
		mvc.perform(save(t, "reasonTemplates", "書類が\u0000不鮮明"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不備の理由に使用できない文字（制御文字）が含まれています。")));
		assertThat(reviews.settings(t.id())).isEqualTo(Reviews.ReviewSettings.DEFAULT);
		// The service applies the same rule to any caller.
		ReviewActor admin = new ReviewActor(t.id(), "admin", "TENANT_ADMIN", null);
		assertThatThrownBy(() -> reviews.changeSettings(admin,
				new Reviews.ReviewSettings(true, 7, List.of("a\u0000b"), 5, false, 0)))
			.extracting("messageKey")
			.isEqualTo("review.settings.error.templatesControl");
	}

	/** A post of valid values except the fields given (name, value pairs). */
	private MockHttpServletRequestBuilder save(Tenant t, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("fourEyes", "true");
		values.put("correctionDays", "7");
		values.put("reasonTemplates", "書類が不鮮明");
		values.put("bulkSamplePercent", "5");
		values.put("incomeToleranceYen", "10000");
		for (int i = 0; i < fields.length; i += 2) {
			values.put(fields[i], fields[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/review-settings").with(TestStaff.tenantAdmin(t.id()))
			.with(csrf());
		values.forEach(request::param);
		return request;
	}

}
