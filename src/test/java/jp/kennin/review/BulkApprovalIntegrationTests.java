package jp.kennin.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jp.kennin.audit.AuditEntry;
import jp.kennin.audit.AuditLog;
import jp.kennin.review.BulkHouseholds.Kind;
import jp.kennin.review.ReviewBulkApprovals.Selection;
import jp.kennin.roster.Roster;
import jp.kennin.survey.Campaigns;
import jp.kennin.tenant.Tenants;
import jp.kennin.test.KenninIntegrationTest;
import jp.kennin.test.MutableClock;
import jp.kennin.test.TestStaff;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 「一括で継続・確認完了」 (issue 12, screen 6): clean forms go through start, 継続 and 確認完了, a random
 * share is set aside for individual review, dirty, changed and other tenants' forms are
 * skipped and counted, and a removal proposal is never decided in bulk.
 */
@KenninIntegrationTest
class BulkApprovalIntegrationTests {

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
	ReviewBulkApprovals bulk;

	@Autowired
	Reviews reviews;

	@Autowired
	DocumentChecks documentChecks;

	@Autowired
	AuditLog audit;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void a_reviewer_ticks_the_clean_forms_confirms_the_count_and_they_are_continued_and_completed() throws Exception {
		var h = households(
				List.of(Kind.CLEAN, Kind.CLEAN, Kind.CLEAN, Kind.WARNING, Kind.BY_MAIL, Kind.LEAVING, Kind.CLEAN));
		samplePercent(h, 0);
		// The reviewer has looked at the documents of three clean forms (確認済); the
		// seventh is clean too, but nobody has seen its document.
		confirmDocuments(h, 0, 1, 2);
		var reviewer = TestStaff.reviewer(h.tenant.id());
		String queue = mvc
			.perform(get("/admin/campaigns/{id}/review", h.campaignId).param("tab", "IN_REVIEW").with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一括で継続・確認完了")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int i = 0; i < 3; i++) {
			assertThat(queue).contains("value=\"" + h.formId(i) + ":" + h.version(i) + "\"");
		}
		// The forms still to be looked at (提出済み) carry their warnings and no tick box,
		// the clean one with an unchecked document included: bulk approval would refuse
		// it, so it is not offered.
		String submitted = mvc.perform(get("/admin/campaigns/{id}/review", h.campaignId).with(reviewer))
			.andExpect(content().string(containsString("注意 ")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (int i = 3; i < 7; i++) {
			assertThat(submitted).contains(h.bango(i)).doesNotContain("value=\"" + h.formId(i) + ":");
		}

		// Everything ticked (as a tampered request could): the confirmation counts 3; the
		// form whose document is unchecked is not among them.
		var confirm = post("/admin/campaigns/{id}/review/bulk", h.campaignId).with(reviewer).with(csrf());
		for (int i = 0; i < 7; i++) {
			confirm.param("form", h.formId(i) + ":" + h.version(i));
		}
		mvc.perform(confirm)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong id=\"bulk-eligible\">3件</strong>")))
			.andExpect(content().string(containsString("<dd id=\"bulk-sample\">0件</dd>")))
			.andExpect(content().string(containsString("3件を一括で確認する")));
		assertThat(h.formStatus(0)).as("the confirmation changes nothing").isEqualTo("IN_REVIEW");

		var approve = post("/admin/campaigns/{id}/review/bulk/approve", h.campaignId).with(reviewer).with(csrf());
		for (int i = 0; i < 3; i++) {
			approve.param("form", h.formId(i) + ":" + h.version(i));
		}
		String result = mvc.perform(approve)
			.andExpect(redirectedUrlPattern("/admin/campaigns/" + h.campaignId + "/review/bulk/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(result).with(reviewer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<dd id=\"bulk-approved\">3件</dd>")))
			.andExpect(content().string(containsString("<dd id=\"bulk-sampled\">0件</dd>")))
			.andExpect(content().string(containsString("<dd id=\"bulk-skipped\">0件</dd>")));

		for (int i = 0; i < 3; i++) {
			assertThat(h.formStatus(i)).isEqualTo("COMPLETED");
			assertThat(decisions(h.formId(i))).containsExactly("CONTINUE");
			assertThat(jdbc.sql("select bulk_approved_at is not null from survey_form where id = ?")
				.param(h.formId(i))
				.query(Boolean.class)
				.single()).isTrue();
			assertThat(types(h, "survey_form:" + h.formId(i))).contains("REVIEW_STARTED", "DEPENDENT_DECIDED",
					"REVIEW_COMPLETED", "BULK_FORM_APPROVED");
		}
		for (int i = 3; i < 7; i++) {
			assertThat(h.formStatus(i)).isEqualTo("SUBMITTED");
		}
		List<AuditEntry> summary = entries(h, "campaign:" + h.campaignId).stream()
			.filter(e -> e.type().equals("BULK_APPROVED"))
			.toList();
		assertThat(summary).singleElement().satisfies(e -> {
			assertThat(e.details()).containsEntry("approved", "3")
				.containsEntry("sampled", "0")
				.containsEntry("skipped", "0")
				.containsEntry("selected", "3");
			assertThat(e.actorRole()).isEqualTo("REVIEWER");
		});
		mvc.perform(get("/admin/campaigns/{id}/review", h.campaignId).param("tab", "COMPLETED").with(reviewer))
			.andExpect(content().string(containsString("一括確認")));
		mvc.perform(get("/admin/reviews/{f}", h.formId(0)).with(reviewer))
			.andExpect(content().string(containsString("一括確認（継続・確認完了）")));

		// Nothing ticked: told so, back on the queue.
		mvc.perform(post("/admin/campaigns/{id}/review/bulk", h.campaignId).with(reviewer).with(csrf()))
			.andExpect(redirectedUrl("/admin/campaigns/" + h.campaignId + "/review"))
			.andExpect(flash().attribute("problem", "review.bulk.problem.none"));
	}

	@Test
	void five_percent_of_four_sets_one_aside_for_individual_review_marked_in_the_queue() throws Exception {
		var h = households(List.of(Kind.CLEAN, Kind.CLEAN, Kind.CLEAN, Kind.CLEAN));
		samplePercent(h, 5);
		confirmDocuments(h, 0, 1, 2, 3);
		var actor = reviewer(h);
		var preview = bulk.preview(actor, h.campaignId, selections(h, 0, 4));
		assertThat(preview.eligible()).hasSize(4);
		assertThat(preview.toSample()).isEqualTo(1);
		var result = bulk.approve(actor, h.campaignId, selections(h, 0, 4));
		assertThat(result.approved()).isEqualTo(3);
		assertThat(result.sampled()).isEqualTo(1);
		assertThat(result.skipped()).isZero();
		long sampled = result.sampledForms().get(0);
		assertThat(jdbc.sql("select status || ' ' || reviewer || ' ' || bulk_sampled from survey_form where id = ?")
			.param(sampled)
			.query(String.class)
			.single()).isEqualToIgnoringCase("IN_REVIEW bulk-reviewer true");
		assertThat(decisions(sampled)).as("a sampled form is left for a person to decide").isEmpty();
		assertThat(types(h, "survey_form:" + sampled)).contains("BULK_FORM_SAMPLED").doesNotContain("REVIEW_COMPLETED");
		String page = mvc
			.perform(get("/admin/campaigns/{id}/review", h.campaignId).param("tab", "IN_REVIEW")
				.with(TestStaff.reviewer(h.tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("抽出").doesNotContain("value=\"" + sampled + ":");
		mvc.perform(get("/admin/campaigns/{id}/review/bulk/{b}", h.campaignId, result.batchId())
			.with(TestStaff.reviewer(h.tenant.id())))
			.andExpect(content().string(containsString("/admin/reviews/" + sampled)));

		// A sampled form is not offered again, and the individual review finishes it.
		var again = bulk.approve(actor, h.campaignId,
				List.of(new Selection(sampled,
						jdbc.sql("select version from survey_form where id = ?")
							.param(sampled)
							.query(Integer.class)
							.single())));
		assertThat(again.skipped()).isEqualTo(1);
		long spouse = jdbc.sql("select id from survey_form_dependent where survey_form_id = ?")
			.param(sampled)
			.query(Long.class)
			.single();
		reviews.decide(actor, sampled, caseVersion(sampled), spouse,
				new Reviews.DependentDecision(Decision.CONTINUE, null, null, null));
		reviews.complete(actor, sampled, caseVersion(sampled));
		assertThat(jdbc.sql("select status from survey_form where id = ?").param(sampled).query(String.class).single())
			.isEqualTo("COMPLETED");
	}

	@Test
	void at_one_hundred_percent_every_form_is_set_aside_and_none_completed() throws Exception {
		var h = households(List.of(Kind.CLEAN, Kind.CLEAN, Kind.CLEAN));
		samplePercent(h, 100);
		confirmDocuments(h, 0, 1, 2);
		var result = bulk.approve(reviewer(h), h.campaignId, selections(h, 0, 3));
		assertThat(result.sampled()).isEqualTo(3);
		assertThat(result.approved()).isZero();
		for (int i = 0; i < 3; i++) {
			assertThat(h.formStatus(i)).isEqualTo("IN_REVIEW");
		}
	}

	@Test
	void the_sample_is_rounded_and_at_least_one() {
		assertThat(ReviewBulkApprovals.sampleSize(0, 5)).isZero();
		assertThat(ReviewBulkApprovals.sampleSize(10, 0)).isZero();
		assertThat(ReviewBulkApprovals.sampleSize(4, 5)).isEqualTo(1);
		assertThat(ReviewBulkApprovals.sampleSize(30, 5)).isEqualTo(2);
		assertThat(ReviewBulkApprovals.sampleSize(50, 5)).isEqualTo(3);
		assertThat(ReviewBulkApprovals.sampleSize(3, 100)).isEqualTo(3);
	}

	@Test
	void dirty_changed_and_other_tenants_forms_are_skipped_and_counted_not_failing_the_batch() throws Exception {
		var h = households(List.of(Kind.CLEAN, Kind.CLEAN, Kind.WARNING, Kind.BY_MAIL, Kind.LEAVING));
		var other = households(List.of(Kind.CLEAN));
		samplePercent(h, 0);
		confirmDocuments(h, 0, 1);
		var selected = new ArrayList<>(selections(h, 0, 5));
		selected.set(1, new Selection(h.formId(1), h.version(1) - 1)); // seen before a
																		// change
		selected.add(new Selection(other.formId(0), other.version(0)));
		var result = bulk.approve(reviewer(h), h.campaignId, selected);
		assertThat(result.approved()).isEqualTo(1);
		assertThat(result.skipped()).isEqualTo(5);
		assertThat(h.formStatus(0)).isEqualTo("COMPLETED");
		assertThat(h.formStatus(1)).as("seen before a change: left as it was").isEqualTo("IN_REVIEW");
		for (int i = 2; i < 5; i++) {
			assertThat(h.formStatus(i)).isEqualTo("SUBMITTED");
		}
		assertThat(other.formStatus(0)).isEqualTo("SUBMITTED");
		assertThat(entries(h, "campaign:" + h.campaignId)).filteredOn(e -> e.type().equals("BULK_APPROVED"))
			.singleElement()
			.satisfies(e -> assertThat(e.details().get("skippedForms")).contains(String.valueOf(other.formId(0))));

		// Another tenant's campaign is not found; staff without review rights are
		// refused.
		assertThatThrownBy(() -> bulk.approve(reviewer(h), other.campaignId, selections(other, 0, 1)))
			.isInstanceOf(RuntimeException.class)
			.hasMessageContaining("not found");
		mvc.perform(post("/admin/campaigns/{id}/review/bulk/approve", other.campaignId)
			.with(TestStaff.reviewer(h.tenant.id()))
			.with(csrf())
			.param("form", other.formId(0) + ":" + other.version(0))).andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{id}/review/bulk", h.campaignId).with(TestStaff.operator())
			.with(csrf())
			.param("form", h.formId(1) + ":" + h.version(1))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> bulk.approve(new ReviewActor(h.tenant.id(), "viewer", "STAFF", null), h.campaignId,
				selections(h, 1, 2)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(other.formStatus(0)).isEqualTo("SUBMITTED");
	}

	@Test
	void a_form_with_a_removal_proposal_is_never_decided_in_bulk_and_four_eyes_stay() throws Exception {
		var h = households(List.of(Kind.CLEAN, Kind.CLEAN));
		samplePercent(h, 0);
		var reviewer = reviewer(h);
		// Form 0: a reviewer proposed 削除 (waiting for an admin); form 1: started,
		// undecided.
		reviews.start(reviewer, h.formId(0));
		reviews.decide(reviewer, h.formId(0), caseVersion(h.formId(0)), h.spouseId(0),
				new Reviews.DependentDecision(Decision.REMOVE, LocalDate.of(2026, 8, 1), LossReason.EMPLOYMENT, null));
		confirmDocuments(h, 1);
		// The queue offers the undecided form only (the approval refuses the other).
		String inReview = mvc
			.perform(get("/admin/campaigns/{id}/review", h.campaignId).param("tab", "IN_REVIEW")
				.with(TestStaff.reviewer(h.tenant.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inReview).contains(h.bango(0))
			.doesNotContain("value=\"" + h.formId(0) + ":")
			.contains("value=\"" + h.formId(1) + ":" + h.version(1) + "\"");
		var admin = new ReviewActor(h.tenant.id(), "bulk-admin", "TENANT_ADMIN", null);
		var result = bulk.approve(admin, h.campaignId, selections(h, 0, 2));
		assertThat(result.approved()).isEqualTo(1);
		assertThat(result.skipped()).isEqualTo(1);
		assertThat(h.formStatus(0)).isEqualTo("IN_REVIEW");
		assertThat(jdbc.sql("select decision || ' ' || approval from review_decision where dependent_id = ?")
			.param(h.spouseId(0))
			.query(String.class)
			.single()).isEqualTo("REMOVE PROPOSED");
		assertThat(h.formStatus(1)).isEqualTo("COMPLETED");
		assertThat(decisions(h.formId(1))).containsExactly("CONTINUE");
		assertThat(jdbc.sql("""
				select count(*) from review_decision d join review_case c on c.id = d.review_case_id
				where c.campaign_id = ? and d.decided_by = 'bulk-admin' and d.decision <> 'CONTINUE'""")
			.param(h.campaignId)
			.query(Integer.class)
			.single()).as("bulk never decides anything but 継続").isZero();
	}

	@Test
	void the_confirmation_page_says_when_nothing_is_left_to_approve() throws Exception {
		var h = households(List.of(Kind.WARNING));
		mvc.perform(post("/admin/campaigns/{id}/review/bulk", h.campaignId).with(TestStaff.tenantAdmin(h.tenant.id()))
			.with(csrf())
			.param("form", h.formId(0) + ":" + h.version(0))
			.param("form", "not-a-form"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("どれも一括確認の対象ではなくなりました")))
			.andExpect(content().string(not(containsString("bulk/approve"))));
		mvc.perform(get("/admin/campaigns/{id}/review/bulk/{b}", h.campaignId, 987654321L)
			.with(TestStaff.tenantAdmin(h.tenant.id()))).andExpect(status().isNotFound());
		assertThat(entries(h, "campaign:" + h.campaignId)).extracting(AuditEntry::type)
			.contains("BULK_APPROVAL_PREVIEWED");
		assertThat(h.formStatus(0)).isEqualTo("SUBMITTED");
	}

	/**
	 * A reviewer opens the forms and marks each of their documents 確認済: bulk approval
	 * takes only forms whose documents someone has confirmed.
	 */
	private void confirmDocuments(BulkHouseholds h, int... households) {
		var actor = reviewer(h);
		for (int i : households) {
			long form = h.formId(i);
			if ("SUBMITTED".equals(h.formStatus(i))) {
				reviews.start(actor, form);
			}
			for (long document : reviews.view(actor, form).documentChecks().keySet()) {
				documentChecks.checkDocument(actor, form, caseVersion(form), document,
						new DocumentCheck(DocumentCheck.Result.CONFIRMED, null, null));
			}
			assertThat(reviews.view(actor, form).allDocumentsConfirmed()).isTrue();
		}
	}

	private BulkHouseholds households(List<Kind> kinds) throws Exception {
		return new BulkHouseholds(mvc, tenants, roster, campaigns, jdbc, clock, kinds);
	}

	private void samplePercent(BulkHouseholds h, int percent) {
		var admin = new ReviewActor(h.tenant.id(), "bulk-admin", "TENANT_ADMIN", null);
		var s = reviews.settings(h.tenant.id());
		reviews.changeSettings(admin, new Reviews.ReviewSettings(s.fourEyes(), s.correctionDays(), s.reasonTemplates(),
				percent, s.blindIncome(), s.incomeToleranceYen()));
	}

	private static ReviewActor reviewer(BulkHouseholds h) {
		return new ReviewActor(h.tenant.id(), "bulk-reviewer", "REVIEWER", "127.0.0.1");
	}

	private static List<Selection> selections(BulkHouseholds h, int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> new Selection(h.formId(i), h.version(i))).toList();
	}

	private int caseVersion(long formId) {
		return jdbc.sql("select version from review_case where survey_form_id = ?")
			.param(formId)
			.query(Integer.class)
			.single();
	}

	private List<String> decisions(long formId) {
		return jdbc.sql("""
				select d.decision from review_decision d join review_case c on c.id = d.review_case_id
				where c.survey_form_id = ? and d.decision is not null""").param(formId).query(String.class).list();
	}

	private List<AuditEntry> entries(BulkHouseholds h, String target) {
		return audit.search(new AuditLog.Query(h.tenant.id(), null, null, null, target, 100));
	}

	private List<String> types(BulkHouseholds h, String target) {
		return entries(h, target).stream().map(AuditEntry::type).toList();
	}

}
