package jp.kennin.review;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.review.BulkHouseholds.Kind;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.survey.ReviewQueue;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The pre-check result is stored when the member submits, the queue filters by it
 * (事前チェックの注意あり / なし), and a form without a stored result (submitted before it was stored)
 * gets it when the queue first lists it.
 */
@KenninIntegrationTest
class ReviewQueuePrecheckIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	Roster roster;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ReviewQueue queue;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void the_precheck_is_stored_on_submission_and_the_queue_filters_by_it() throws Exception {
		var h = new BulkHouseholds(mvc, tenants, roster, campaigns, jdbc, clock,
				List.of(Kind.CLEAN, Kind.WARNING, Kind.LEAVING));
		assertThat(stored(h.formId(0))).isEqualTo("0 null 0");
		assertThat(stored(h.formId(1))).startsWith("1 INCOME").endsWith(" 0");
		assertThat(stored(h.formId(2))).as("nothing to pre-check for a leaving dependent, but counted")
			.isEqualTo("0 null 1");

		assertThat(ids(h, ReviewQueue.PrecheckFilter.WARNINGS)).containsExactly(h.formId(1));
		assertThat(ids(h, ReviewQueue.PrecheckFilter.CLEAN)).containsExactlyInAnyOrder(h.formId(0), h.formId(2));
		assertThat(ids(h, null)).hasSize(3);

		String page = mvc
			.perform(get("/admin/campaigns/{id}/review", h.campaignId).param("precheck", "WARNINGS")
				.with(TestStaff.reviewer(h.tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("9-" + h.bango(1))
			.doesNotContain("9-" + h.bango(0) + "<")
			.contains("<option value=\"WARNINGS\" selected=\"selected\">事前チェックの注意あり</option>");
	}

	@Test
	void a_form_submitted_before_the_precheck_was_stored_gets_it_when_listed() throws Exception {
		var h = new BulkHouseholds(mvc, tenants, roster, campaigns, jdbc, clock, List.of(Kind.WARNING));
		jdbc.sql(
				"update survey_form set precheck_warnings = null, precheck_codes = null, dependents_leaving = null where id = ?")
			.param(h.formId(0))
			.update();
		assertThat(ids(h, ReviewQueue.PrecheckFilter.WARNINGS)).isEmpty();
		mvc.perform(get("/admin/campaigns/{id}/review", h.campaignId).with(TestStaff.reviewer(h.tenant.id())));
		assertThat(stored(h.formId(0))).startsWith("1 INCOME");
		assertThat(ids(h, ReviewQueue.PrecheckFilter.WARNINGS)).containsExactly(h.formId(0));
	}

	private List<Long> ids(BulkHouseholds h, ReviewQueue.PrecheckFilter precheck) {
		var filter = new ReviewQueue.Filter(ReviewQueue.Tab.SUBMITTED, null, null, null, null, null, null, precheck);
		return queue.page(h.tenant.id(), h.campaignId, filter, null, 50, Instant.now())
			.rows()
			.stream()
			.map(ReviewQueue.Row::formId)
			.toList();
	}

	private String stored(long formId) {
		return jdbc.sql("select precheck_warnings, precheck_codes, dependents_leaving from survey_form where id = ?")
			.param(formId)
			.query((rs, n) -> rs.getObject(1) + " " + rs.getString(2) + " " + rs.getObject(3))
			.single();
	}

}
