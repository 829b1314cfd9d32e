package jp.kennin.review.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kennin.platform.StaffActor;
import jp.kennin.platform.TenantScopedPrincipal;
import jp.kennin.review.ReviewActor;
import jp.kennin.review.ReviewProblem;
import jp.kennin.review.ReviewQueues;
import jp.kennin.review.Reviews;
import jp.kennin.survey.ProxySubmissions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The queue controller alone (a web slice, the review services mocked): it only binds,
 * calls the service with the actor resolved from the login, and redirects; the rules are
 * the service's, tested in {@code ReviewIntegrationTests}.
 */
// Only the controller and the actor resolver: the other modules' filters and advice stay
// out, so the slice needs nothing but the two mocked services.
@WebMvcTest(useDefaultFilters = false,
		includeFilters = { @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ReviewQueueController.class),
				@Filter(type = FilterType.REGEX, pattern = "jp\\.kennin\\.platform\\.StaffActorResolver") })
@ActiveProfiles("test")
class ReviewQueueControllerWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ReviewQueues queues;

	@MockitoBean
	Reviews reviews;

	@MockitoBean
	ProxySubmissions proxySubmissions;

	@Test
	void starting_a_review_passes_the_logged_in_reviewer_and_opens_the_form() throws Exception {
		mvc.perform(post("/admin/campaigns/7/review/42/start").with(csrf()).with(authentication(reviewer())))
			.andExpect(redirectedUrl("/admin/reviews/42"))
			.andExpect(flash().attribute("flash", "review.flash.started"));

		verify(reviews).start(eq(new ReviewActor(3L, "shinsa", StaffActor.REVIEWER, "127.0.0.1")), eq(42L));
	}

	@Test
	void a_refused_start_comes_back_to_the_queue_with_the_reason() throws Exception {
		doThrow(new ReviewProblem(ReviewProblem.NOT_IN_REVIEW)).when(reviews)
			.start(eq(new ReviewActor(3L, "shinsa", StaffActor.REVIEWER, "127.0.0.1")), eq(42L));

		mvc.perform(post("/admin/campaigns/7/review/42/start").with(csrf()).with(authentication(reviewer())))
			.andExpect(redirectedUrl("/admin/campaigns/7/review"))
			.andExpect(flash().attribute("problem", ReviewProblem.NOT_IN_REVIEW));
	}

	private static UsernamePasswordAuthenticationToken reviewer() {
		return new UsernamePasswordAuthenticationToken(new Staff("shinsa", 3L), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + StaffActor.REVIEWER)));
	}

	/** A logged-in staff member as the staff module's principal presents itself. */
	record Staff(String name, Long tenantId) implements TenantScopedPrincipal {

		@Override
		public String toString() {
			return name;
		}

	}

}
